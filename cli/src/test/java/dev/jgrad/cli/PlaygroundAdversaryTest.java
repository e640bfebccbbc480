package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The playground against a learner who tries what breaks things: bad files, bad numbers, bad links,
 * the keyboard alone, and the setups at the controls' edges. After each, the
 * page must still train from the last setup it accepted.
 */
@ExtendWith(SharedPage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class PlaygroundAdversaryTest {
    private SiteServer server;
    private Chromium chromium;
    private ChromeDriver driver;
    private PlaygroundPage page;

    @BeforeAll
    void start(PlaygroundPage shared) throws IOException {
        page = shared;
        chromium = page.chromium();
        driver = page.driver();
        server = page.server();
    }

    static List<String> badFiles() {
        StringBuilder big = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i <= 10_000; i++) {
            big.append(i % 7).append(',').append(i % 5).append(',').append(i % 2).append('\n');
        }
        return List.of("binary", "", "a,b,c,label\n1,2,3,1\n4,5,6,0\n", big.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void aBadFileIsOneLineAndThePageKeepsTraining(int which) throws IOException {
        page.open("?data=circle&hidden=3");
        String loss = page.text("train-loss");
        Path csv = Files.createTempFile("jgrad-bad", ".csv");
        try {
            if (which == 0) {
                byte[] bytes = new byte[512];
                new java.util.Random(which).nextBytes(bytes);
                Files.write(csv, bytes);
            } else {
                Files.writeString(csv, badFiles().get(which));
            }
            driver.findElement(By.cssSelector("[data-testid=csv]")).sendKeys(csv.toAbsolutePath().toString());
            page.waitFor(Duration.ofSeconds(10), () -> !page.text("message").isEmpty());
        } finally {
            Files.delete(csv);
        }
        assertThat(page.text("message")).doesNotContain("\n").doesNotContain("engine failed");
        assertThat(page.text("train-loss")).isEqualTo(loss);
        stillTrains();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", ""})
    void aLearningRateThatIsNotPositiveIsRefused(String typed) {
        page.open("?data=circle&hidden=3");
        WebElement lr = driver.findElement(By.cssSelector("[data-testid=control-lr]"));
        lr.clear();
        lr.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        lr.sendKeys(typed, Keys.TAB);
        page.waitFor(Duration.ofSeconds(5), () -> !page.text("message").isEmpty());
        assertThat(page.text("message")).contains("lr");
        assertThat(lr.getAttribute("value")).isEqualTo("0.01");
        stillTrains();
    }

    @ParameterizedTest
    @ValueSource(strings = {"colour=red", "hidden=17", "hidden=1,2,3,4,5,6,7", "lr=-1", "batch=0", "seed=abc", "data=nope",
        "lr=abc", "points=0", "ratio=101", "noise=-1", "features=x9", "features=", "hidden=0", "lr=NaN", "lr=Infinity",
        "seed=99999999999999999999", "batch=100001", "data=csv", "reg=l3", "play=2", "hidden=,", "lr=1e400"})
    void aBadLinkIsOneLineAndTheDefaultsTrain(String query) {
        page.open("?" + query);
        assertThat(page.text("message")).as(query).isNotEmpty().doesNotContain("\n").doesNotContain("engine failed");
        assertThat(page.text("train-loss")).isNotEqualTo("–");
        stillTrains();
    }

    @Test
    void everyControlHasANameAndTheKeyboardReachesIt() {
        // a budget out of reach: playing must stop because of the key, not because 200 epochs went by
        page.open("?data=circle&hidden=3&epochs=100000");
        @SuppressWarnings("unchecked")
        List<String> nameless = (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('input,select,button,textarea')].filter(e => {"
                        + " if (e.closest('[hidden]')) return false;"
                        + " const l = e.labels && e.labels.length > 0 && [...e.labels].some(x => x.textContent.trim());"
                        + " const a = (e.getAttribute('aria-label') || '').trim() || e.getAttribute('aria-labelledby');"
                        + " const t = e.tagName === 'BUTTON' && e.textContent.trim();"
                        + " return !(l || a || t || e.title); }).map(e => e.outerHTML.slice(0, 120));");
        assertThat(nameless).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> unreachable = (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('input,select,button,textarea,a[href]')]"
                        + ".filter(e => !e.closest('[hidden]') && (e.tabIndex < 0 || e.disabled === undefined && false))"
                        + ".map(e => e.outerHTML.slice(0, 120));");
        assertThat(unreachable).isEmpty();
        driver.findElement(By.cssSelector("[data-testid=play]")).sendKeys(Keys.ENTER);
        page.until(Duration.ofSeconds(10), "num('epoch') > 0");
        // Space goes to the focused element, the play button Enter was sent to: a key as the keyboard presses it. (An
        // element's sendKeys would first look the element up and focus it again, each step waiting out a playing frame:
        // 1.7 s against 0.12 s.)
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.SPACE).perform();
        // A busy page (a frame trains for up to 200 ms) may run the key's click after sendKeys returns: wait on the state.
        page.waitFor(Duration.ofSeconds(5),
                () -> "false".equals(driver.findElement(By.cssSelector("[data-testid=play]")).getAttribute("aria-pressed")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hidden=", "hidden=16,16,16,16,16,16", "batch=full", "features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2",
        "loss=bce&optimizer=adam"})
    void theEdgesOfTheControlsTrain(String query) {
        page.open("?" + query + "&play=1&epochs=100000"); // plays on, whatever the speed, until the test pauses it
        // In the page, as one WebDriver call: a playing page answers each call only between frames, and the
        // largest network's frames take seconds on a loaded machine.
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) page.steps("await wait(() => num('epoch') >= 2, 20000);"
                + "const trained = text('message');"
                + "click('neuron-out');"
                + "await wait(() => document.querySelector('[data-testid=graph] svg'), 10000);"
                + "click('play');"
                + "return {trained, paused: text('message')};");
        assertThat(seen).doesNotContainKey("error");
        assertThat(seen.get("trained")).as("the message after two epochs").isEqualTo("");
        assertThat(seen.get("paused")).as("the message with the output's graph open, paused").isEqualTo("");
    }

    @Test
    void customDataStartsEmptyAndTrainsOnClickedPoints() {
        page.open("?data=custom&hidden=3");
        assertThat(page.text("message")).isEmpty();
        page.click("step");
        page.click("play");
        page.click("play");
        WebElement plot = driver.findElement(By.cssSelector("[data-testid=boundary]"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(plot, 10, 10).click().perform();
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(plot, -40, -40).keyDown(Keys.SHIFT).click()
                .keyUp(Keys.SHIFT).perform();
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(plot, 60, 60).click().perform();
        assertThat(page.text("message")).isEmpty();
        page.click("step");
        assertThat(page.text("train-loss")).isNotEqualTo("–");
        assertThat(page.text("message")).isEmpty();
    }

    @Test
    void switchingLossAndOpeningNeuronsWhilePlaying() {
        page.open("?data=circle&hidden=4&play=1");
        page.until(Duration.ofSeconds(10), "num('epoch') > 2");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("[data-testid=control-loss]"))).selectByValue("bce");
        assertThat(page.text("message")).isEmpty();
        page.click("play");
        page.click("neuron-1-0");
        page.click("neuron-out");
        page.until(Duration.ofSeconds(10), "document.querySelector('[data-testid=graph] svg')");
        page.click("backprop-step");
        page.click("backprop-run");
        page.click("gradient-check");
        assertThat(page.text("gradient-check-result")).contains("central difference");
        page.click("descend");
        page.click("play");
        // One call to the playing page, which answers each only between its frames: the epochs, then the message.
        assertThat(page.steps("await wait(() => num('epoch') > 5, 10000); return text('message');")).isEqualTo("");
    }

    /**
     * One page load through what used to go wrong silently: training with no points, a comma for a decimal
     * point, no feature chosen, a loaded file and drawn points that the form, the link and the command never
     * showed (so the next change went back to the circle), and a diverging run whose message the next
     * redraw replaced.
     */
    @Test
    void everyDataChangeReachesTheFormTheLinkAndTheCommandAndEveryRefusalSaysWhy() throws IOException {
        page.open("?data=custom&hidden=3");
        page.click("step");
        assertThat(page.text("message")).startsWith("no points to train on yet");
        page.click("play");
        page.waitFor(Duration.ofSeconds(5), () -> "false".equals(driver.findElement(By.cssSelector("[data-testid=play]"))
                .getAttribute("aria-pressed")));
        assertThat(page.text("message")).startsWith("no points to train on yet");
        type("control-lr", "0,5");
        page.waitFor(Duration.ofSeconds(5), () -> page.text("message").contains("write decimals with a point (0.5)"));
        for (WebElement box : driver.findElements(By.cssSelector("[data-testid^=feature-]:checked"))) {
            box.click();
        }
        assertThat(page.text("message")).isEqualTo("features: none chosen; choose at least one input feature");
        assertThat(driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).startsWith("data:");

        loadCsv("u,v,\"my;label\"\n" + "0,0,b\n1,1,a\n0,1,b\n1,0,a\n0.2,0.1,b\n0.9,1,a\n".repeat(5));
        page.waitFor(Duration.ofSeconds(10), () -> "csv".equals(value("control-data")));
        assertThat(page.text("message")).isEmpty();
        assertThat(url()).contains("data=csv");
        assertThat(page.text("command")).contains("--csv data.csv --label 'my;label' --scale none");
        type("control-lr", "0.05");
        page.waitFor(Duration.ofSeconds(5), () -> url().contains("lr=0.05"));
        assertThat(value("control-data")).isEqualTo("csv");
        assertThat(pointCount()).isEqualTo(30);

        WebElement plot = driver.findElement(By.cssSelector("[data-testid=boundary]"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(plot, 10, 10).click().perform();
        page.waitFor(Duration.ofSeconds(5), () -> "custom".equals(value("control-data")));
        assertThat(url()).contains("data=custom");
        assertThat(page.text("command")).contains("--csv points.csv");
        type("control-lr", "0.02");
        page.waitFor(Duration.ofSeconds(5), () -> url().contains("lr=0.02"));
        assertThat(value("control-data")).isEqualTo("custom");
        assertThat(pointCount()).isEqualTo(31);

        driver.executeScript("window.playground.apply('activation=linear&loss=bce&hidden=16,16,16,16,16,16&init=uniform"
                + "&features=x1sq,x2sq,x1x2&lr=10&batch=full&data=gauss&noise=1')");
        page.click("play");
        page.waitFor(Duration.ofSeconds(20), () -> page.text("message").contains("loss"));
        page.click("step");
        page.click("one-epoch");
        assertThat(page.text("message")).contains("loss").doesNotContain("engine failed");
    }

    /** A site written by --out and opened as a file: its modules cannot load there, and the page says so. */
    @Test
    void theWrittenSiteOpenedAsAFileSaysItNeedsAWebServer() throws IOException {
        Path dir = Files.createTempDirectory("jgrad-site");
        try {
            PlaygroundCommand.write(Site.load(), dir.resolve("site"));
            driver.get(dir.resolve("site").resolve("index.html").toUri().toString());
            page.waitFor(Duration.ofSeconds(10), () -> !page.text("message").isEmpty());
            assertThat(page.text("message")).startsWith("This page needs a web server");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private void loadCsv(String text) throws IOException {
        Path csv = Files.createTempFile("jgrad-page", ".csv");
        try {
            Files.writeString(csv, text);
            driver.findElement(By.cssSelector("[data-testid=csv]")).sendKeys(csv.toAbsolutePath().toString());
            page.waitFor(Duration.ofSeconds(10), () -> "csv".equals(value("control-data")) || !page.text("message").isEmpty());
        } finally {
            Files.delete(csv);
        }
    }

    /** Types into a field as a learner does, ending with Tab (the change the page listens for). */
    private void type(String testid, String text) {
        WebElement field = driver.findElement(By.cssSelector("[data-testid=" + testid + "]"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text, Keys.TAB);
    }

    private String value(String testid) {
        return driver.findElement(By.cssSelector("[data-testid=" + testid + "]")).getAttribute("value");
    }

    private String url() {
        return java.net.URLDecoder.decode(driver.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private long pointCount() {
        return ((Number) driver.executeScript("return window.playground.state.points.length / 4")).longValue();
    }

    // ---- helpers ----

    /**
     * The epoch readout, step and play still work: one epoch, a step, then play until an epoch passes (10 s at
     * most) and pause. In the page, as one WebDriver call: a playing page answers each call only between frames.
     */
    void stillTrains() {
        Object epochs = page.steps("if ($t('play').getAttribute('aria-pressed') === 'true') { click('play'); }"
                + "const before = num('epoch'); click('one-epoch'); const oneEpoch = num('epoch');"
                + "click('step'); click('play'); const played = num('epoch');"
                + "await wait(() => num('epoch') > played, 10000); const playedTo = num('epoch'); click('play');"
                + "return [before, oneEpoch, played, playedTo];");
        assertThat(epochs).as("the epochs before and after one epoch, when play started and when it had trained one")
                .isInstanceOf(List.class).asList().hasSize(4);
        double[] e = ((List<?>) epochs).stream().mapToDouble(x -> x == null ? Double.NaN : ((Number) x).doubleValue()).toArray();
        assertThat(e[1]).as("after one epoch").isGreaterThan(e[0]);
        assertThat(e[3]).as("after playing").isGreaterThan(e[2]);
    }
}
