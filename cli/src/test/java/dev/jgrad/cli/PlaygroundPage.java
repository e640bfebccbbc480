package dev.jgrad.cli;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The playground as the browser tests read it: opened from the test server, its parts found by data-testid. */
final class PlaygroundPage {
    private final ChromeDriver driver;
    private final SiteServer server;

    PlaygroundPage(ChromeDriver driver, SiteServer server) {
        this.driver = driver;
        this.server = server;
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
