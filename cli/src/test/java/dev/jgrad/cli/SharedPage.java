package dev.jgrad.cli;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One headless Chromium and one site server for every browser test class of the run: starting a browser
 * costs seconds, a navigation a fraction of one. A browser test class adopts it with
 * <pre>{@code
 * @ExtendWith(SharedPage.class)
 * final class MyPanelTest {
 *     private final PlaygroundPage page;
 *     MyPanelTest(PlaygroundPage page) { this.page = page; }
 *
 *     @Test
 *     void somethingOnThePage() {
 *         page.open("?data=circle&hidden=3");   // each test navigates to the page it needs
 *         page.waitFor(Duration.ofSeconds(10), () -> page.number("epoch") > 0);   // wait on the page's state, never sleep
 *     }
 * }
 * }</pre>
 * ({@code PlaygroundPage} may also be a parameter of a {@code @BeforeAll} or {@code @Test} method.) Before each
 * class the page is reset: the browser shows about:blank and the downloads folder is empty; tests that
 * carry a page on from the one before belong in one class, ordered with {@code @Order}. The page is closed
 * when the run ends. Browser classes share it, so they must not run concurrently: surefire runs classes one
 * after another in this module.
 */
final class SharedPage implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPage.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        page(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PlaygroundPage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return page(context);
    }

    /** Started on first use, kept in the run's root store, which closes it when the run ends. */
    private static PlaygroundPage page(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(PlaygroundPage.class, k -> {
            try {
                return PlaygroundPage.start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, PlaygroundPage.class);
    }
}
