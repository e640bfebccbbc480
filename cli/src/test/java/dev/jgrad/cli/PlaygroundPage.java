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

    /**
     * Pauses whether or not the page still plays. Not a click on Play: a page that stopped by itself at its epoch budget
     * would take that click to go on past it, and a playing page answers every later WebDriver call only between frames.
     */
    void pause() {
        driver.executeScript("window.playground.pause()");
    }

    void click(String testid) {
        driver.findElement(By.cssSelector("[data-testid='" + testid + "']")).click();
    }

    /**
     * Functions for the scripts run in the page: {@code $t(id)} finds by data-testid, {@code num(id)} reads a
     * readout as a number (NaN while it shows none), {@code text(id)} its trimmed text, {@code click(id)} clicks
     * as a user can (refused when the control is disabled or something covers its centre, as WebDriver's own
     * click is), and {@code wait(condition, ms)} is a promise kept when {@code condition()} holds (checked
     * every 20 ms), broken after {@code ms}.
     */
    static final String HELPERS = "const $t = id => document.querySelector(`[data-testid='${id}']`);"
            + "const text = id => $t(id).textContent.trim();"
            + "const num = id => { const t = text(id); return t === '' ? NaN : Number(t); };"
            + "const click = id => { const e = $t(id); e.scrollIntoView({block: 'center'});"
            + " const r = e.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
            + " if (e.disabled || !(hit === e || e.contains(hit))) { throw new Error(id + ' cannot be clicked'); } e.click(); };"
            + "const wait = (condition, ms) => new Promise((kept, broken) => { const end = performance.now() + ms;"
            + " const poll = () => { let ok = false; try { ok = !!condition(); } catch (e) { }"
            + "  if (ok) { kept(); } else if (performance.now() > end) { broken(new Error('after ' + ms + ' ms still not '"
            + "   + condition + \"; the page's message: '\" + text('message') + \"'\")); } else { setTimeout(poll, 20); } };"
            + " poll(); });";

    /**
     * Waits in the page until the JavaScript {@code condition} (which may use {@link #HELPERS}) holds: one
     * WebDriver call, however long the wait. A playing page answers a WebDriver call only between its frames,
     * and some calls take several, so a poll from here can cost seconds a look where a frame is slow.
     */
    void until(Duration limit, String condition) {
        Object failure = steps("await wait(() => (" + condition + "), " + limit.toMillis() + ");");
        if (failure != null) {
            throw new AssertionError(failure);
        }
    }

    /**
     * Runs {@code body}, an async function's body (which may use {@link #HELPERS} and {@code await}), in the
     * page as one WebDriver call; returns what it returns, or a failure's message as {@code {error: ...}}.
     */
    Object steps(String body) {
        return driver.executeAsyncScript(HELPERS + "const done = arguments[0];"
                + "(async () => { " + body + " })().then(done, e => done({error: String(e && e.message || e)}));");
    }

    /** Runs {@code script} (which may use {@link #HELPERS}) in the page and returns what it returns. */
    Object script(String script) {
        return driver.executeScript(HELPERS + script);
    }

    /** Polls until done; a timeout's failure quotes the page's message, which usually says why. */
    void waitFor(Duration limit, BooleanSupplier done) {
        new WebDriverWait(driver, limit, Duration.ofMillis(100))
                .withMessage(() -> "the page's message: '" + text("message") + "'")
                .until(d -> done.getAsBoolean());
    }
}
