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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground in a real browser: the page served by {@link SiteServer} from the site the jar holds,
 * driven as a learner would, in headless Chromium. Screenshots go to target/playground-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "playground-screenshots");
    private static final Pattern GRAD = Pattern.compile("grad (-?[0-9.]+(?:e-?[0-9]+)?)");

    private SiteServer server;
    private Chromium chromium;
    private ChromeDriver driver;

    @BeforeAll
    void start() throws IOException {
        chromium = Chromium.start();
        driver = chromium.driver;
        // jgrad.playground.site: a folder to serve instead of the jar's site, to try a page being edited.
        String folder = System.getProperty("jgrad.playground.site");
        server = SiteServer.start(folder == null ? Site.load() : Site.read(Path.of(folder)), 0);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void thePostsNineNeuronsLearnTheCircle() throws IOException {
        open("?data=circle&hidden=9&activation=tanh&play=1");
        waitFor(Duration.ofSeconds(40), () -> number("train-accuracy") >= 0.9);
        assertThat(number("epoch")).isPositive();
        assertThat(text("message")).isEmpty();
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
        click("play");   // pause, so the picture stays still while we read it
        click("neuron-1-0");
        waitFor(Duration.ofSeconds(10), () -> !driver.findElements(By.cssSelector("[data-testid=graph] svg")).isEmpty());
        String before = svgText();
        assertThat(before).contains("data ").contains("grad ");
        long nonZeroBefore = nonZeroGrads(before);
        Set<String> explained = new LinkedHashSet<>();
        explained.add(text("backprop-explain"));
        for (int i = 0; i < 5; i++) {
            click("backprop-step");
            explained.add(text("backprop-explain"));
        }
        assertThat(explained).as("the explained rule changes as the steps fire").hasSizeGreaterThanOrEqualTo(3);
        assertThat(nonZeroGrads(svgText())).as("grads on the graph after five steps").isGreaterThan(nonZeroBefore);
        screenshot("neuron-graph");
    }

    @Test
    @Order(3)
    void runToEndThenAGradientCheckAgreesWithBackprop() {
        click("backprop-run");
        assertThat(driver.findElement(By.cssSelector("[data-testid=backprop-step]")).isEnabled()).isFalse();
        click("gradient-check");
        String check = text("gradient-check-result");
        Matcher m = Pattern.compile("backprop (\\S+), central difference (\\S+)").matcher(check);
        assertThat(m.find()).as(check).isTrue();
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(Double.parseDouble(m.group(1)), org.assertj.core.data.Offset.offset(1e-4));
        String before = svgText();
        click("descend");
        assertThat(text("backprop-explain")).contains("lr");
        assertThat(svgText()).isNotEqualTo(before);
    }

    @Test
    @Order(4)
    void downloadModelSavesAModelJsonThatJgradReads() throws IOException {
        click("download");
        Path file = chromium.downloads().resolve("model.json");
        waitFor(Duration.ofSeconds(10), () -> Files.isRegularFile(file));
        dev.jgrad.nn.Network network = dev.jgrad.io.ModelFile.fromJson(Files.readString(file)).network();
        assertThat(network.layers()).hasSize(2);
        assertThat(network.layers().get(0).outputs()).as("the nine hidden neurons").isEqualTo(9);
    }

    @Test
    @Order(5)
    void everyChangeLandsInTheLinkAndTheCommandLine() {
        open("?data=circle&hidden=9");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("[data-testid=control-activation]")))
                .selectByValue("relu");
        waitFor(Duration.ofSeconds(5), () -> url().contains("activation=relu"));
        assertThat(text("command")).contains("--activation relu");
        click("layer-add");
        waitFor(Duration.ofSeconds(5), () -> !driver.findElements(By.cssSelector("[data-testid=neuron-2-0]")).isEmpty());
        assertThat(url()).contains("hidden=9,9");
        click("neurons-remove-1");
        assertThat(url()).contains("hidden=8,9");
        assertThat(driver.findElements(By.cssSelector("[data-testid^=neuron-1-]"))).hasSize(8);
        WebElement lr = driver.findElement(By.cssSelector("[data-testid=control-lr]"));
        lr.clear();
        lr.sendKeys("-3", org.openqa.selenium.Keys.TAB);
        waitFor(Duration.ofSeconds(5), () -> !text("message").isEmpty());
        assertThat(lr.getAttribute("value")).as("the last valid learning rate is back").isEqualTo("0.01");
        assertThat(url()).doesNotContain("lr=-3");
    }

    @Test
    @Order(6)
    void aClickOnThePlotAddsAPointAndTheKeyboardPlays() {
        open("?data=circle&hidden=3");
        long before = pointCount();
        WebElement plot = driver.findElement(By.cssSelector("[data-testid=boundary]"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(plot, 10, 10).click().perform();
        waitFor(Duration.ofSeconds(5), () -> pointCount() == before + 1);
        assertThat(text("message")).isEmpty();
        driver.findElement(By.cssSelector("[data-testid=play]")).sendKeys(org.openqa.selenium.Keys.SPACE);
        waitFor(Duration.ofSeconds(10), () -> number("epoch") > 0);
        assertThat(driver.findElement(By.cssSelector("[data-testid=play]")).getAttribute("aria-pressed")).isEqualTo("true");
        click("play");
    }

    @Test
    @Order(7)
    void aSharedLinkGivesTheSameInitialWeights() {
        String link = "?data=circle&hidden=4,3&activation=tanh&seed=7";
        open(link);
        String first = text("train-loss");
        String shared = driver.getCurrentUrl();
        driver.get("about:blank");
        driver.get(shared);
        waitFor(Duration.ofSeconds(10), () -> !text("train-loss").equals("–"));
        assertThat(text("train-loss")).as("the first loss after reopening " + shared).isEqualTo(first);
        assertThat(text("epoch")).isEqualTo("0");
        open("?data=circle&hidden=4,3&activation=tanh&seed=8");
        assertThat(text("train-loss")).as("another seed, other weights").isNotEqualTo(first);
    }

    @Test
    @Order(8)
    void aBadCsvIsOneLineAndThePageKeepsItsSetup() throws IOException {
        open("?data=circle&hidden=9");
        String loss = text("train-loss");
        Path csv = Files.createTempFile("jgrad-bad", ".csv");
        try {
            Files.writeString(csv, "x1,x2,label\n0.5,oops,1\n");
            driver.findElement(By.cssSelector("[data-testid=csv]")).sendKeys(csv.toAbsolutePath().toString());
            waitFor(Duration.ofSeconds(10), () -> !text("message").isEmpty());
        } finally {
            Files.delete(csv);
        }
        assertThat(text("message")).doesNotContain("\n");
        assertThat(text("train-loss")).isEqualTo(loss);
        click("step");
        assertThat(number("epoch")).isGreaterThanOrEqualTo(0);
        screenshot("bad-csv");
    }

    @Test
    @Order(9)
    void aBadLinkIsOneLineAndTheDefaultsShow() {
        open("?data=circle&lr=-1");
        assertThat(text("message")).isNotEmpty();
        assertThat(text("train-loss")).isNotEqualTo("–");
    }

    @Test
    @Order(10)
    void theTourStepsThroughThePost() {
        open("?data=circle");
        click("tour-open");
        String first = text("tour-title");
        assertThat(first).isNotEmpty();
        click("tour-next");
        assertThat(text("tour-title")).isNotEmpty().isNotEqualTo(first);
        assertThat(text("message")).isEmpty();
    }

    @Test
    @Order(11)
    void thePageMadeNoRequestOutsideItsOrigin() {
        open("?data=circle&hidden=9&play=1");
        waitFor(Duration.ofSeconds(10), () -> number("epoch") > 0);
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

    void open(String query) {
        driver.get(server.uri() + query);
        waitFor(Duration.ofSeconds(20), () -> Boolean.TRUE.equals(driver.executeScript(
                "return !!(window.playground && window.playground.state.setup)")));
    }

    String text(String testid) {
        return driver.findElement(By.cssSelector("[data-testid='" + testid + "']")).getText().trim();
    }

    double number(String testid) {
        try {
            return Double.parseDouble(text(testid));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    void click(String testid) {
        WebElement e = driver.findElement(By.cssSelector("[data-testid='" + testid + "']"));
        e.click();
    }

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

    void waitFor(Duration limit, java.util.function.BooleanSupplier done) {
        new WebDriverWait(driver, limit, Duration.ofMillis(100))
                .withMessage(() -> "the page's message: '" + text("message") + "'")
                .until(d -> done.getAsBoolean());
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
