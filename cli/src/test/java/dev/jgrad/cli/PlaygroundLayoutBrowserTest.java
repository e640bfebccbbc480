package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page fits a laptop's window: at 1400×900 and 1280×900, on the default page and with the landscape, the race and
 * the hidden space open (and on the largest network: six layers, as wide as it gets), the page does not scroll sideways, no column or panel is drawn
 * over another, and nothing reaches out of its column (a wide graph or network scrolls in its own box). Measured from
 * the elements' rectangles.
 */
@ExtendWith(SharedPage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundLayoutBrowserTest {
    /**
     * In the page: how far it scrolls sideways, the pairs of columns and panels that overlap (neither holding the other),
     * and the visible elements that reach past their column's right edge outside any box that scrolls or clips them.
     */
    private static final String MEASURE = """
            const de = document.documentElement, out = {scroll: de.scrollWidth - de.clientWidth, overlaps: [], spills: []};
            const name = e => e.id || e.dataset.testid || e.getAttribute('aria-labelledby') || e.tagName;
            const boxes = [...document.querySelectorAll('main.columns > section, .graph-panel, details.panel')]
                .map(e => [name(e), e.getBoundingClientRect()]);
            const holds = (a, b) => a.left <= b.left && a.right >= b.right && a.top <= b.top && a.bottom >= b.bottom;
            for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
              const [a, ra] = boxes[i], [b, rb] = boxes[j];
              const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left), y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
              if (x > 1 && y > 1 && !holds(ra, rb) && !holds(rb, ra)) out.overlaps.push(a + ' over ' + b);
            }
            for (const col of document.querySelectorAll('main.columns > section')) {
              const edge = col.getBoundingClientRect().right + 1;
              for (const e of col.querySelectorAll('*')) {
                const r = e.getBoundingClientRect();
                if (r.width === 0 || r.right <= edge) continue;
                let p = e.parentElement, clipped = false;
                for (; p && p !== col; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') { clipped = true; break; }
                if (!clipped) out.spills.push(name(col) + ': ' + name(e) + ' by ' + Math.round(r.right - edge) + ' px');
              }
            }
            return out;""";

    private PlaygroundPage page;
    private ChromeDriver driver;

    @BeforeAll
    void start(PlaygroundPage shared) throws IOException {
        page = shared;
        driver = page.driver();
        Files.createDirectories(PlaygroundBrowserTest.SCREENSHOTS);
    }

    @AfterAll
    void restoreTheWindow() {
        // The other classes share this browser at its starting size.
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1400 | '' | false", "1400 | '' | true", "1400 | hidden=16,16,16,16,16,16 | false", "1400 | hidden=3,3,3,3,3,3 | true",
        "1280 | '' | false", "1280 | data=sine | true"})
    @SuppressWarnings("unchecked")
    void thePageFitsTheWindowWithoutScrollingSidewaysOrOverlapping(int width, String query, boolean panels) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 900));
        page.open("?" + query);
        if (panels) {
            for (String p : List.of("landscape", "race", "hidden")) {
                page.click(p + "-open");
            }
            // Drawn: the panels' canvases have their sizes from the start; the hidden space is the last to draw.
            page.until(Duration.ofSeconds(30), "window.jgradPanels.hidden.shown() || text('hidden-error') !== ''");
        }
        Map<String, Object> m = (Map<String, Object>) page.script(MEASURE);
        String where = width + "×900, ?" + query + (panels ? " with the panels open" : "");
        assertThat(((Number) m.get("scroll")).intValue()).as("sideways scroll at %s", where).isLessThanOrEqualTo(0);
        assertThat((List<Object>) m.get("overlaps")).as("overlaps at %s", where).isEmpty();
        assertThat((List<Object>) m.get("spills")).as("out of their columns at %s", where).isEmpty();
        if (width == 1280 && panels) {
            Files.write(PlaygroundBrowserTest.SCREENSHOTS.resolve("layout-1280.png"), driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
