package dev.jgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground as the browser tests read it: headless Chromium and the site's server on a free loopback
 * port, started and closed together, the page's parts found by data-testid.
 */
final class PlaygroundPage implements AutoCloseable {
    private final Chromium chromium;
    private final ChromeDriver driver;
    private final SiteServer server;

    private PlaygroundPage(Chromium chromium, SiteServer server) {
        this.chromium = chromium;
        this.driver = chromium.driver;
        this.server = server;
    }

    /** jgrad.playground.site names a folder to serve instead of the jar's site, to try a page being edited. */
    static PlaygroundPage start() throws IOException {
        Chromium chromium = Chromium.start();
        try {
            String folder = System.getProperty("jgrad.playground.site");
            return new PlaygroundPage(chromium, SiteServer.start(folder == null ? Site.load() : Site.read(Path.of(folder)), 0));
        } catch (IOException | RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    Chromium chromium() {
        return chromium;
    }

    ChromeDriver driver() {
        return driver;
    }

    SiteServer server() {
        return server;
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            chromium.close();
        }
    }

    /**
     * Leaves the page and empties the downloads folder, so that a class starts as on a fresh browser (a file
     * the page downloaded before would otherwise be renamed, and a playing page would keep training).
     */
    void reset() throws IOException {
        driver.get("about:blank");
        Path downloads = chromium.downloads();
        if (Files.isDirectory(downloads)) {
            try (Stream<Path> files = Files.list(downloads)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
        }
    }

    /** Opens the page with this query and waits until the engine has accepted a setup. */
    void open(String query) {
        driver.get(server.uri() + query);
        waitFor(Duration.ofSeconds(20), () -> Boolean.TRUE.equals(driver.executeScript(
                "return !!(window.playground && window.playground.state.setup)")));
    }

    String text(String testid) {
        return driver.findElement(By.cssSelector("[data-testid='" + testid + "']")).getText().trim();
    }

    /** The readout as a number, NaN while it shows none. */
    double number(String testid) {
        try {
            return Double.parseDouble(text(testid));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The page's one-line message, empty when all is well. */
    String message() {
        return text("message");
    }

    void click(String testid) {
        driver.findElement(By.cssSelector("[data-testid='" + testid + "']")).click();
    }

    /** Polls until done; a timeout's failure quotes the page's message, which usually says why. */
    void waitFor(Duration limit, BooleanSupplier done) {
        new WebDriverWait(driver, limit, Duration.ofMillis(100))
                .withMessage(() -> "the page's message: '" + text("message") + "'")
                .until(d -> done.getAsBoolean());
    }
}
