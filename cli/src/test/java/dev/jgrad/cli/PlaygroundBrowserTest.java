package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The playground in a real browser: the page served by {@link SiteServer} from the site the jar holds,
 * driven as a learner would, in headless Chromium. Screenshots go to target/playground-screenshots/.
 */
@ExtendWith(SharedPage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "playground-screenshots");
    private static final Pattern GRAD = Pattern.compile("grad (-?[0-9.]+(?:e-?[0-9]+)?)");

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
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    @Order(1)
    void thePostsNineNeuronsLearnTheCircle() throws IOException {
        page.open("?data=circle&hidden=9&activation=tanh&play=1");
        page.until(Duration.ofSeconds(40), "num('train-accuracy') >= 0.9");
        assertThat(page.number("epoch")).isPositive();
        assertThat(page.text("message")).isEmpty();
        screenshot("circle-9");
        if (Boolean.getBoolean("jgrad.playground.readme")) {
            // README's picture, from this page: ./mvnw ... -Dtest=PlaygroundBrowserTest -Djgrad.playground.readme=true
            Files.copy(SCREENSHOTS.resolve("circle-9.png"), Path.of("..", "docs", "playground.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    @Order(2)
    void aNeuronsGraphShowsDataAndGradsAndBackpropStepsThroughIt() throws IOException {
        page.pause();   // so the picture stays still while we read it (the circle may have stopped at its budget already)
        page.click("neuron-1-0");
        page.until(Duration.ofSeconds(10), "document.querySelector('[data-testid=graph] svg')");
        String before = svgText();
        assertThat(before).contains("data ").contains("grad ");
        long nonZeroBefore = nonZeroGrads(before);
        Set<String> explained = new LinkedHashSet<>();
        explained.add(page.text("backprop-explain"));
        for (int i = 0; i < 5; i++) {
            page.click("backprop-step");
            explained.add(page.text("backprop-explain"));
        }
        assertThat(explained).as("the explained rule changes as the steps fire").hasSizeGreaterThanOrEqualTo(3);
        assertThat(nonZeroGrads(svgText())).as("grads on the graph after five steps").isGreaterThan(nonZeroBefore);
        screenshot("neuron-graph");
    }

    @Test
    @Order(3)
    void runToEndThenAGradientCheckAgreesWithBackprop() {
        page.click("backprop-run");
        assertThat(driver.findElement(By.cssSelector("[data-testid=backprop-step]")).isEnabled()).isFalse();
        page.click("gradient-check");
        String check = page.text("gradient-check-result");
        Matcher m = Pattern.compile("backprop (\\S+), central difference (\\S+)").matcher(check);
        assertThat(m.find()).as(check).isTrue();
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(Double.parseDouble(m.group(1)), org.assertj.core.data.Offset.offset(1e-4));
        String before = svgText();
        page.click("descend");
        assertThat(page.text("backprop-explain")).contains("lr");
        assertThat(svgText()).isNotEqualTo(before);
    }

    @Test
    @Order(4)
    void downloadModelSavesAModelJsonThatJgradReads() throws IOException {
        page.click("download");
        Path file = chromium.downloads().resolve("model.json");
        page.waitFor(Duration.ofSeconds(10), () -> Files.isRegularFile(file));
        dev.jgrad.nn.Network network = dev.jgrad.io.ModelFile.fromJson(Files.readString(file)).network();
        assertThat(network.layers()).hasSize(2);
        assertThat(network.layers().get(0).outputs()).as("the nine hidden neurons").isEqualTo(9);
    }

    @Test
    @Order(5)
    void everyChangeLandsInTheLinkAndTheCommandLine() {
        page.open("?data=circle&hidden=9");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("[data-testid=control-activation]")))
                .selectByValue("relu");
        page.waitFor(Duration.ofSeconds(5), () -> url().contains("activation=relu"));
        assertThat(page.text("command")).contains("--activation relu");
        page.click("layer-add");
        page.waitFor(Duration.ofSeconds(5), () -> !driver.findElements(By.cssSelector("[data-testid=neuron-2-0]")).isEmpty());
        assertThat(url()).contains("hidden=9,9");
        page.click("neurons-remove-1");
        assertThat(url()).contains("hidden=8,9");
        assertThat(driver.findElements(By.cssSelector("[data-testid^=neuron-1-]"))).hasSize(8);
        WebElement lr = driver.findElement(By.cssSelector("[data-testid=control-lr]"));
        lr.clear();
        lr.sendKeys("-3", org.openqa.selenium.Keys.TAB);
        page.waitFor(Duration.ofSeconds(5), () -> !page.text("message").isEmpty());
        assertThat(lr.getAttribute("value")).as("the last valid learning rate is back").isEqualTo("0.01");
        assertThat(url()).doesNotContain("lr=-3");
    }

    @Test
    @Order(6)
    void aClickOnThePlotAddsAPointAndTheKeyboardPlays() {
        page.open("?data=circle&hidden=3&epochs=100000"); // a budget the check cannot reach between two frames
        long before = pointCount();
        WebElement plot = driver.findElement(By.cssSelector("[data-testid=boundary]"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(plot, 10, 10).click().perform();
        page.waitFor(Duration.ofSeconds(5), () -> pointCount() == before + 1);
        assertThat(page.text("message")).isEmpty();
        driver.findElement(By.cssSelector("[data-testid=play]")).sendKeys(org.openqa.selenium.Keys.SPACE);
        page.until(Duration.ofSeconds(10), "num('epoch') > 0");
        assertThat(driver.findElement(By.cssSelector("[data-testid=play]")).getAttribute("aria-pressed")).isEqualTo("true");
        page.click("play");
    }

    @Test
    @Order(7)
    void aSharedLinkGivesTheSameInitialWeights() {
        String link = "?data=circle&hidden=4,3&activation=tanh&seed=7";
        page.open(link);
        String first = page.text("train-loss");
        String shared = driver.getCurrentUrl();
        driver.get("about:blank");
        driver.get(shared);
        page.waitFor(Duration.ofSeconds(10), () -> !page.text("train-loss").equals("–"));
        assertThat(page.text("train-loss")).as("the first loss after reopening " + shared).isEqualTo(first);
        assertThat(page.text("epoch")).isEqualTo("0");
        page.open("?data=circle&hidden=4,3&activation=tanh&seed=8");
        assertThat(page.text("train-loss")).as("another seed, other weights").isNotEqualTo(first);
    }

    @Test
    @Order(8)
    void aBadCsvIsOneLineAndThePageKeepsItsSetup() throws IOException {
        page.open("?data=circle&hidden=9");
        String loss = page.text("train-loss");
        Path csv = Files.createTempFile("jgrad-bad", ".csv");
        try {
            Files.writeString(csv, "x1,x2,label\n0.5,oops,1\n");
            driver.findElement(By.cssSelector("[data-testid=csv]")).sendKeys(csv.toAbsolutePath().toString());
            page.waitFor(Duration.ofSeconds(10), () -> !page.text("message").isEmpty());
        } finally {
            Files.delete(csv);
        }
        assertThat(page.text("message")).doesNotContain("\n");
        assertThat(page.text("train-loss")).isEqualTo(loss);
        page.click("step");
        assertThat(page.number("epoch")).isGreaterThanOrEqualTo(0);
        screenshot("bad-csv");
    }

    @Test
    @Order(9)
    void aBadLinkIsOneLineAndTheDefaultsShow() {
        page.open("?data=circle&lr=-1");
        assertThat(page.text("message")).isNotEmpty();
        assertThat(page.text("train-loss")).isNotEqualTo("–");
    }

    @Test
    @Order(10)
    void theTourStepsThroughThePost() {
        page.open("?data=circle");
        page.click("tour-open");
        String first = page.text("tour-title");
        assertThat(first).isNotEmpty();
        page.click("tour-next");
        assertThat(page.text("tour-title")).isNotEmpty().isNotEqualTo(first);
        assertThat(page.text("message")).isEmpty();
    }

    @Test
    @Order(11)
    void thePageMadeNoRequestOutsideItsOrigin() {
        page.open("?data=circle&hidden=9&play=1");
        page.until(Duration.ofSeconds(10), "num('epoch') > 0");
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
        assertThat(urls).isNotEmpty();
        String origin = "http://127.0.0.1:" + server.port();
        List<String> outside = new ArrayList<>();
        for (String u : urls) {
            URI uri = URI.create(u);
            String o = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
            if (!o.equals(origin) && !u.startsWith("blob:" + origin) && !u.startsWith("data:")) {
                outside.add(u);
            }
        }
        assertThat(outside).as("requests outside " + origin).isEmpty();
        assertThat(urls).anyMatch(u -> u.endsWith("/engine.js"));
    }

    // ---- helpers ----

    /** The page's address with its query decoded. */
    String url() {
        return java.net.URLDecoder.decode(driver.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8);
    }

    long pointCount() {
        return ((Number) driver.executeScript("return window.playground.state.points.length / 4")).longValue();
    }

    String svgText() {
        return driver.findElement(By.cssSelector("[data-testid=graph] svg")).getAttribute("textContent");
    }

    static long nonZeroGrads(String svgText) {
        long n = 0;
        for (Matcher m = GRAD.matcher(svgText); m.find(); ) {
            n += Double.parseDouble(m.group(1)) != 0 ? 1 : 0;
        }
        return n;
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
