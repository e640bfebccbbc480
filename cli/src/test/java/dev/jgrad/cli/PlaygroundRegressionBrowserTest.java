package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Regression in the page (plane, gaussian-mixture, the 1-D sine), the landscape's momentum preset and picking its
 * parameters in the network picture, in headless Chromium on one page load that starts from a bad link.
 */
@ExtendWith(SharedPage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundRegressionBrowserTest {
    private PlaygroundPage page;
    private ChromeDriver driver;

    @BeforeAll
    void start(PlaygroundPage shared) throws IOException {
        page = shared;
        driver = page.driver();
        Files.createDirectories(PlaygroundBrowserTest.SCREENSHOTS);
        // A bad regression link: bce scores classes, and plane is a number per point.
        page.open("?data=plane&loss=bce");
    }

    @Test
    @Order(1)
    void aBadRegressionLinkGivesOneLineAndThePageKeepsWorking() {
        assertThat(page.message()).isEqualTo("loss: bce scores classes; plane is regression data (a number per point), trained with mse");
        assertThat(driver.executeScript("return window.playground.state.setup.data")).isEqualTo("circle");
        apply("data=plane&hidden=6&lr=0.01&seed=3");
        assertThat(page.message()).isEmpty();
        assertThat(page.text("command")).startsWith("jgrad train --data plane ").contains("--output-activation linear --init uniform --loss mse");
    }

    @Test
    @Order(2)
    void aRegressionSetupTrainsAndItsR2CurveRises() throws IOException {
        double before = page.number("train-r2");
        assertThat(driver.findElement(By.cssSelector("[data-testid=train-accuracy]")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("[data-testid=colour-bar]")).isDisplayed()).isTrue();
        assertThat(page.text("legend-regression")).contains("target's units").contains("No boundary line");
        page.click("play");
        page.until(Duration.ofSeconds(60), "num('epoch') >= 15");
        page.pause();
        double after = page.number("train-r2");
        assertThat(after).isGreaterThan(before).isGreaterThan(0.3);
        @SuppressWarnings("unchecked")
        List<Object> r2 = (List<Object>) driver.executeScript("return window.playground.state.history.map(s => s.trainR2)");
        assertThat(((Number) r2.get(r2.size() - 1)).doubleValue()).isGreaterThan(((Number) r2.get(0)).doubleValue());
        assertThat(driver.executeScript("return window.playground.jgrad.contour().length")).isEqualTo(0L);
        screenshot("regression-plane");
        apply("data=gaussian-mixture&hidden=8,8&lr=0.03&seed=3");
        page.click("play");
        page.until(Duration.ofSeconds(60), "num('epoch') >= 15");
        page.pause();
        assertThat(page.number("train-r2")).isGreaterThan(0.2);
        screenshot("regression-gaussian-mixture");
    }

    @Test
    @Order(3)
    void theSineIsDrawnAsTheModelsCurve() throws IOException {
        apply("data=sine&hidden=8&lr=0.03");
        assertThat(page.text("command")).startsWith("jgrad train --data sine ").doesNotContain("--features");
        page.click("play");
        page.until(Duration.ofSeconds(60), "num('epoch') >= 30");
        page.pause();
        // Where the engine's curve says the model is, the plot is the curve's dark ink; between it and the top, white paper.
        Object ink = driver.executeScript("""
                const p = window.playground, v = p.state.view, c = document.querySelector('[data-testid=boundary]');
                const ys = p.jgrad.curve(120), ctx = c.getContext('2d'); let dark = 0, n = 0;
                for (let i = 5; i < 120; i += 10) {
                  const x = Math.round((i + 0.5) / 120 * c.width), y = Math.round((v.ymax - ys[i]) / (v.ymax - v.ymin) * c.height);
                  const d = ctx.getImageData(x - 1, y - 1, 3, 3).data; let min = 255;
                  for (let k = 0; k < d.length; k += 4) min = Math.min(min, d[k]);
                  n++; if (min < 80) dark++;
                }
                return dark / n;""");
        assertThat(((Number) ink).doubleValue()).isGreaterThan(0.7);
        assertThat(page.number("train-r2")).isGreaterThan(0.5);
        assertThat(driver.findElement(By.cssSelector("[data-testid=colour-bar]")).isDisplayed()).isFalse();
        screenshot("regression-sine");
    }

    @Test
    @Order(4)
    void theMomentumPresetSwingsThePathBackAndForth() throws IOException {
        apply("hidden=9");
        page.click("landscape-open");
        page.click("landscape-preset-momentum");
        assertThat(page.message()).isEmpty();
        assertThat(driver.getCurrentUrl()).contains("momentum=0.9").contains("batch=full");
        assertThat(page.text("command")).contains("--optimizer sgd --lr 0.5 --momentum 0.9 --batch full");
        // Slow motion: one epoch a tick, each on the path, without playing.
        page.until(Duration.ofSeconds(60), "window.jgradPanels.landscape.shown().path.length >= 40");
        assertThat(driver.executeScript("return window.playground.state.playing")).isEqualTo(false);
        Object turns = driver.executeScript("""
                const p = window.jgradPanels.landscape.shown().path; let t = 0;
                for (let i = 2; i < p.length; i++) if ((p[i][0] - p[i-1][0]) * (p[i-1][0] - p[i-2][0]) < 0) t++;
                return t;""");
        assertThat(((Number) turns).intValue()).isGreaterThanOrEqualTo(3);
        scrollTo("landscape");
        screenshot("regression-momentum");
        // Another preset takes momentum away again (adam keeps its own).
        page.click("landscape-preset-adam");
        assertThat(page.message()).isEmpty();
        page.pause();
        assertThat(driver.getCurrentUrl()).doesNotContain("momentum");
    }

    @Test
    @Order(5)
    void clickingAnEdgeOrABiasPicksALandscapeParameter() throws IOException {
        apply("hidden=3");
        page.until(Duration.ofSeconds(10), "window.jgradPanels.landscape.shown().surface");
        Select a = new Select(driver.findElement(By.cssSelector("[data-testid=landscape-param-a]")));
        Select b = new Select(driver.findElement(By.cssSelector("[data-testid=landscape-param-b]")));
        new Select(driver.findElement(By.cssSelector("[data-testid=landscape-pick-slot]"))).selectByValue("a");
        driver.findElement(By.cssSelector("[data-testid='edge-0-2-1']")).click();
        assertThat(a.getFirstSelectedOption().getAttribute("value")).isEqualTo("0-2-1");
        assertThat(a.getFirstSelectedOption().getText()).isEqualTo("w2 of neuron 3, hidden layer 1");
        // The keyboard: the output's bias, by Enter on its "b".
        driver.findElement(By.cssSelector("[data-testid='bias-2-0']")).sendKeys(Keys.ENTER);
        assertThat(b.getFirstSelectedOption().getAttribute("value")).isEqualTo("1-0-3");
        page.until(Duration.ofSeconds(10), "window.jgradPanels.landscape.shown().surface.a === '0-2-1'"
                + " && window.jgradPanels.landscape.shown().surface.b === '1-0-3'");
        assertThat(page.text("landscape-readout")).startsWith("picked b of the output as the vertical parameter");
        assertThat(page.text("landscape-error")).isEmpty();
        // The edges are one tab stop: the arrow keys move along them, Enter picks (the slot is back on horizontal).
        org.openqa.selenium.WebElement stop = driver.findElement(By.cssSelector("svg.edges line.edge[tabindex='0']"));
        assertThat(driver.findElements(By.cssSelector("svg.edges line.edge[tabindex='0']"))).hasSize(1);
        stop.sendKeys(Keys.ARROW_RIGHT);
        org.openqa.selenium.WebElement next = driver.switchTo().activeElement();
        String id = next.getAttribute("data-param");
        assertThat(id).isNotEqualTo(stop.getAttribute("data-param")).matches("\\d+-\\d+-\\d+");
        next.sendKeys(Keys.ENTER);
        assertThat(a.getFirstSelectedOption().getAttribute("value")).isEqualTo(id);
        assertThat(next.getAttribute("aria-label")).startsWith("weight w").contains("Enter picks it for the loss landscape");
        scrollTo("landscape-param-a");
        screenshot("regression-pick");
    }

    @Test
    @Order(6)
    void theRaceRanksARegressionByR2AndTheHiddenSpaceColoursByTarget() throws IOException {
        apply("data=plane&hidden=4&seed=3");
        page.click("race-open");
        org.openqa.selenium.WebElement setups = driver.findElement(By.cssSelector("[data-testid=race-setups]"));
        setups.clear();
        setups.sendKeys("lr=0.01\nlr=0.03");
        org.openqa.selenium.WebElement target = driver.findElement(By.cssSelector("[data-testid=race-target]"));
        target.clear();
        target.sendKeys("0.5");
        page.click("race-run");
        page.until(Duration.ofSeconds(60), "window.jgradPanels.race.shown().racers.every(r => r.reached !== null)");
        page.click("race-run");
        assertThat(page.text("race-target-name")).isEqualTo("target R²");
        assertThat(page.text("race-maps")).contains("reached R² 0.5 at epoch");
        page.click("hidden-open");
        page.until(Duration.ofSeconds(10), "window.jgradPanels.hidden.shown() && window.jgradPanels.hidden.shown().points.length > 0");
        assertThat(page.text("hidden-error")).isEmpty();
        // Drawn: the grid's grey lines and the points coloured by target (a blue or orange pixel somewhere).
        Object coloured = driver.executeScript("""
                const d = document.querySelector('[data-testid=hidden-space]').getContext('2d').getImageData(0, 0, 300, 300).data;
                let n = 0; for (let k = 0; k < d.length; k += 4) if (Math.abs(d[k] - d[k + 2]) > 60) n++;
                return n;""");
        assertThat(((Number) coloured).intValue()).isGreaterThan(20);
        scrollTo("race-setups");
        screenshot("regression-panels");
        apply("data=sine&hidden=4");
        page.until(Duration.ofSeconds(10), "text('hidden-error') !== ''");
        assertThat(page.text("hidden-error")).contains("one coordinate");
        assertThat(page.message()).isEmpty();
    }

    @Test
    @Order(7)
    void downloadedRegressionDataLoadsBackAsTheSameRegression() throws IOException {
        for (String query : List.of("data=plane&hidden=4&points=60", "data=sine&hidden=4&points=60")) {
            apply(query);
            Object before = pointSet();
            Object curve = driver.executeScript("return window.playground.state.view.curve");
            page.click("download-data");
            Path file = page.chromium().downloads().resolve("points.csv");
            page.waitFor(Duration.ofSeconds(10), () -> Files.isRegularFile(file) && sizeOf(file) > 0);
            String csv = Files.readString(file);
            Files.delete(file);
            assertThat(csv).startsWith(query.contains("sine") ? "x1,target\n" : "x1,x2,target\n");
            Path upload = Files.writeString(Files.createTempFile("jgrad-points", ".csv"), csv);
            try {
                driver.findElement(By.cssSelector("[data-testid=csv]")).sendKeys(upload.toAbsolutePath().toString());
                page.until(Duration.ofSeconds(10), "window.playground.state.setup.data === 'csv' || text('message') !== ''");
            } finally {
                Files.delete(upload);
            }
            assertThat(page.message()).as(query).isEmpty();
            assertThat(driver.executeScript("return window.playground.state.view.task")).isEqualTo("regression");
            assertThat(driver.executeScript("return window.playground.state.view.curve")).isEqualTo(curve);
            assertThat(pointSet()).as(query).isEqualTo(before);
            assertThat(page.text("command")).contains("--csv data.csv --task regression --label target ");
            assertThat(driver.findElement(By.cssSelector("[data-testid=train-r2]")).isDisplayed()).isTrue();
            if (query.contains("plane")) {
                screenshot("regression-loaded-csv");
            }
        }
    }

    @Test
    @Order(8)
    void theOutputsGraphStepsTheSquaredErrorOnRegressionData() throws IOException {
        apply("data=plane&hidden=3&seed=3");
        page.click("neuron-out");
        page.until(Duration.ofSeconds(10), "document.querySelector('[data-testid=graph] svg')");
        assertThat(page.message()).isEmpty();
        assertThat(page.text("backprop-explain")).contains("target y = ").contains("(n − y)²").contains("MSE");
        page.click("backprop-step");
        assertThat(page.text("backprop-explain")).contains("(n − y)").contains("L.grad");
        page.click("backprop-run");
        page.click("gradient-check");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("backprop (\\S+), central difference (\\S+)")
                .matcher(page.text("gradient-check-result"));
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(Double.parseDouble(m.group(1)), org.assertj.core.data.Offset.offset(1e-4));
        scrollTo("backprop-explain");
        screenshot("regression-graph");
        // A hidden neuron's graph too, its gradient flowing in from the squared error.
        page.click("neuron-1-1");
        page.until(Duration.ofSeconds(10), "document.getElementById('graph-of').textContent.includes('neuron 2')");
        assertThat(page.message()).isEmpty();
        page.click("descend");
        assertThat(page.text("backprop-explain")).contains("lr");
    }

    /** The points the page shows, each as "x1,x2,target" (a curve's point as "x,target,target"), in any order. */
    private Object pointSet() {
        return driver.executeScript("const p = window.playground.jgrad.points(), s = [];"
                + "for (let i = 0; i < p.length; i += 4) s.push(p[i] + ',' + p[i + 1] + ',' + p[i + 2]); return s.sort();");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void scrollTo(String testid) {
        driver.executeScript("document.querySelector(`[data-testid='${arguments[0]}']`).scrollIntoView({block: 'start', inline: 'nearest'})", testid);
    }

    private void apply(String query) {
        driver.executeScript("window.playground.pause(); window.playground.apply(arguments[0])", query);
    }

    private void screenshot(String name) throws IOException {
        Files.write(PlaygroundBrowserTest.SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
