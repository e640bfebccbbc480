package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page telling the post's story, in one page load: the epoch budget, the boundary line and the true circle, the
 * tour's new screens and its trained-network screen, the note on saturated units. Screenshots go to
 * target/playground-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPage.class)
class PlaygroundStoryBrowserTest {
    private PlaygroundPage page;
    private ChromeDriver driver;

    @BeforeAll
    void start(PlaygroundPage shared) throws IOException {
        page = shared;
        driver = page.driver();
        Files.createDirectories(PlaygroundBrowserTest.SCREENSHOTS);
        page.open("?data=circle&hidden=3&epochs=5&play=1");
    }

    @Test
    @Order(1)
    void playingStopsAtTheBudgetAndGoingOnIsSaidOnTheCommandLine() {
        page.waitFor(Duration.ofSeconds(30), () -> page.text("note").startsWith("stopped at epoch 5"));
        assertThat(page.text("epoch")).isEqualTo("5");
        assertThat(page.text("play")).isEqualTo("Play");
        assertThat(page.text("command")).contains("--epochs 5 ").doesNotContain("#");
        page.click("play");
        page.waitFor(Duration.ofSeconds(30), () -> page.number("epoch") >= 7);
        page.click("play");
        page.waitFor(Duration.ofSeconds(5), () -> page.text("command").contains("# the page went on past its budget of 5 epochs"));
        assertThat(page.message()).isEmpty();
    }

    @Test
    @Order(2)
    void theBoundaryIsALineAndTheTrueCircleIsDashed() throws IOException {
        // The contour is drawn in #222, darker than anything else on the plot: count such pixels.
        long dark = ((Number) driver.executeScript("const c = document.querySelector('[data-testid=boundary]');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 0; i < d.length; i += 4) { if (d[i] < 60 && d[i + 1] < 60 && d[i + 2] < 60) n++; } return n;")).longValue();
        assertThat(dark).as("pixels of the boundary line").isGreaterThan(100);
        assertThat(driver.executeScript("return window.playground.state.view.circle")).isEqualTo(1L);
        assertThat(driver.findElements(By.cssSelector("[data-testid=curves]"))).hasSize(1);
        screenshot("story-budget");
    }

    @Test
    @Order(3)
    void theBarePageSaysWhatItIsAndTheTourStartsFromIt() {
        assertThat(page.text("intro")).contains("jgrad").contains("start with the tour");
        page.click("tour-start");
        assertThat(page.text("tour-title")).isEqualTo("c = a · b");
        page.click("tour-next");
        page.click("tour-next");
        assertThat(page.text("tour-title")).isEqualTo("The derivative table");
        assertThat(driver.findElements(By.cssSelector("[data-testid=tour-table] tr")).size()).isGreaterThanOrEqualTo(8);
        page.click("tour-next");
        page.click("tour-next");
        assertThat(page.text("tour-text")).contains("(o − y).grad += 2.0 · (o − y) · L.grad");
    }

    @Test
    @Order(4)
    void theTwoNeuronScreenSaysWhatItsTrainedPictureShows() throws IOException {
        tour(11);
        page.waitFor(Duration.ofSeconds(120), () -> page.text("tour-text").contains("After 200 epochs: two neurons"));
        assertThat(page.text("epoch")).isEqualTo("200");
        assertThat(page.text("command")).contains("--seed 49").contains("--epochs 200");
        screenshot("story-two-neurons");
    }

    @Test
    @Order(5)
    void theLastScreenOpensH1InTheTrainedNetworkAndStepsItsBackwardPass() throws IOException {
        tour(14);
        page.waitFor(Duration.ofSeconds(150), () -> !page.text("backprop-explain").isEmpty());
        assertThat(page.text("epoch")).isEqualTo("200");
        assertThat(driver.findElement(By.id("graph-of")).getText()).contains("neuron 1 in hidden layer 1");
        assertThat(page.text("backprop-explain")).startsWith("tanh: n.grad += (1 − o²) · o.grad");
        screenshot("story-h1-trained");
    }

    @Test
    @Order(6)
    void aLearningRateOfThreeIsSaidInALine() {
        driver.executeScript("document.getElementById('tour-close').click();"
                + "window.playground.apply('data=circle&hidden=9&lr=3&epochs=100000'); window.playground.play();");
        page.waitFor(Duration.ofSeconds(60), () -> page.text("note").startsWith("the steps are too big"));
        driver.executeScript("window.playground.pause()");
        assertThat(driver.findElements(By.cssSelector(".neuron.saturated"))).isNotEmpty();
    }

    @Test
    @Order(7)
    void theFirstScreensEditButtonOpensItsGraphInTheExpressionPanel() throws IOException {
        page.click("tour-start");
        assertThat(page.text("tour-title")).isEqualTo("c = a · b");
        page.click("tour-next");
        assertThat(page.text("tour-text")).contains("a.grad is b's data (2) and b.grad is a's data (1)");
        // Reached from the keyboard as a learner would: the button takes the focus and Enter presses it.
        driver.findElement(By.cssSelector("[data-testid=tour-edit-expression]")).sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(driver.findElement(By.cssSelector("[data-testid=expr-input]")).getAttribute("value")).isEqualTo("a*b");
        assertThat(driver.findElement(By.cssSelector("[data-testid=expr-values]")).getAttribute("value")).isEqualTo("a=1, b=2");
        assertThat(driver.findElement(By.id("expr-panel")).getAttribute("open")).isNotNull();
        for (int i = 0; i < 5 && driver.findElement(By.cssSelector("[data-testid=expr-backward-step]")).isEnabled(); i++) {
            page.click("expr-backward-step");
        }
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> grads = (java.util.Map<String, Object>) driver.executeScript("return window.jgradPanels.expr.grads()");
        assertThat(((Number) grads.get("a")).doubleValue()).isEqualTo(2);
        assertThat(((Number) grads.get("b")).doubleValue()).isEqualTo(1);
        assertThat((String) driver.executeScript("return location.href")).contains("#expr=a*b").contains("vals=");
        assertThat(page.text("expr-error")).isEmpty();
        screenshot("tour-edit-expression");
    }

    @Test
    @Order(8)
    void thePanelsScreensOpenTheLandscapeTheRaceAndTheHiddenSpace() throws IOException {
        tour(18);
        assertThat(page.text("tour-title")).isEqualTo("The loss landscape: a learning rate too large");
        page.until(Duration.ofSeconds(60), "(() => { const s = window.jgradPanels.landscape.shown();"
                + " return !!(s.surface && s.surface.loss.length === 2500); })()");
        assertThat(driver.findElement(By.id("landscape-panel")).getAttribute("open")).isNotNull();
        // The query names only what differs from the defaults (sgd and 9 hidden neurons are).
        assertThat((String) driver.executeScript("return location.search")).contains("lr=3").doesNotContain("optimizer=");
        assertThat(driver.executeScript("return window.playground.state.hidden.join(',')")).isEqualTo("9");
        screenshot("tour-landscape");
        page.click("tour-next");
        page.until(Duration.ofSeconds(60), "window.jgradPanels.race.shown().curves.length === 2"
                + " && window.jgradPanels.race.shown().curves[1].length >= 3");
        assertThat(page.text("race-same")).startsWith("The same start, bit for bit");
        page.click("race-run");
        page.click("tour-next");
        page.until(Duration.ofSeconds(60), "(() => { const s = window.jgradPanels.hidden.shown(); return !!(s && s.lines.length === 26); })()");
        assertThat(driver.findElement(By.id("hidden-panel")).getAttribute("open")).isNotNull();
        assertThat(page.message()).isEmpty();
    }

    /**
     * Tour screen i, reached by its Next button from where the tour is, in one script: the screens passed on the way
     * play their setups, and a playing page answers each WebDriver call only between frames, so a click and a look
     * per screen cost seconds where the script's clicks follow one another before any frame.
     */
    private void tour(int i) {
        Object got = page.script("if (document.getElementById('tour').hidden) { click('tour-open'); }"
                + "for (let k = 0; k < 25 && !text('tour-count').startsWith('step " + (i + 1) + " '); k++) { click('tour-next'); }"
                + "return text('tour-count');");
        assertThat((String) got).startsWith("step " + (i + 1) + " ");
    }

    private void screenshot(String name) throws IOException {
        Files.write(PlaygroundBrowserTest.SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
