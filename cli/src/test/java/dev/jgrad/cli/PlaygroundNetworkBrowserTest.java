package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The network diagram and the graph panel in headless Chromium: the largest network the page allows trains and draws
 * every neuron's map from the engine's one pass, and the graph panel keeps its own state through picks and new setups.
 */
@ExtendWith(SharedPage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundNetworkBrowserTest {
    private PlaygroundPage page;
    private ChromeDriver driver;

    @BeforeAll
    void start(PlaygroundPage shared) {
        page = shared;
        driver = page.driver();
    }

    /**
     * Six layers of 16 play, and after an epoch each of the 97 neuron maps holds what the engine's own neuron(layer, index)
     * gives at the map's cells, painted as the page paints a map; the 1,328 edges are drawn.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theLargestNetworkTrainsAndDrawsEveryNeuronsMap() throws IOException {
        page.open("?data=circle&hidden=16,16,16,16,16,16&epochs=100000&play=1");
        page.until(Duration.ofSeconds(60), "num('epoch') >= 1");
        Map<String, Object> seen = (Map<String, Object>) page.steps("""
                click('play');
                await wait(() => text('play') === 'Play', 20000);
                click('one-epoch');   // trains, then redraws every map from the weights as they now are
                const draw = await import(new URL('draw.js', location.href).href);
                const j = window.playground.jgrad, s = window.playground.state, g = s.grid, m = s.mapGrid, r = g / m;
                const mismatched = [], blank = [];
                for (let l = 1; l <= 7; l++) {
                  for (let o = 0; o < (l === 7 ? 1 : 16); o++) {
                    const canvas = $t(l === 7 ? 'neuron-out' : 'neuron-' + l + '-' + o).querySelector('canvas');
                    const fine = l === 7 ? j.boundary(g) : j.neuron(l, o, g);
                    const values = new Float64Array(m * m);
                    for (let y = 0; y < m; y++) for (let x = 0; x < m; x++) values[y * m + x] = fine[(r * y + (r >> 1)) * g + r * x + (r >> 1)];
                    const expected = document.createElement('canvas');
                    expected.width = expected.height = m;
                    draw.heatMap(expected, values, m, l === 7 ? (v => v) : draw.spreadScale(values));
                    const a = canvas.getContext('2d').getImageData(0, 0, m, m).data;
                    const b = expected.getContext('2d').getImageData(0, 0, m, m).data;
                    if (canvas.width !== m || a.some((v, i) => v !== b[i])) mismatched.push(l + '-' + o);
                    if (a.every((v, i) => i % 4 !== 3 || v === 0)) blank.push(l + '-' + o);
                  }
                }
                const lines = [...document.querySelectorAll('.net svg.edges line')];
                // The diagram stays in its column, scrolling sideways, and is never drawn over the Output column.
                const net = document.querySelector('.net').getBoundingClientRect();
                const output = document.querySelector('[aria-labelledby="out-heading"]').getBoundingClientRect();
                return {epoch: num('epoch'), grid: g, mismatched, blank, message: text('message'), edges: lines.length,
                  styled: lines.filter(e => e.getAttribute('stroke')).length, overlap: net.right > output.left + 0.5,
                  scrolls: document.querySelector('.net').scrollWidth > document.querySelector('.net').clientWidth};
                """);
        assertThat(seen).doesNotContainKey("error");
        assertThat(((Number) seen.get("grid")).intValue()).as("the engine's boundary grid for this network").isEqualTo(40);
        assertThat(((Number) seen.get("epoch")).doubleValue()).isGreaterThanOrEqualTo(2);
        assertThat((List<Object>) seen.get("mismatched")).isEmpty();
        assertThat((List<Object>) seen.get("blank")).isEmpty();
        assertThat(seen).containsEntry("message", "").containsEntry("edges", 2L * 16 + 5 * 256 + 16).containsEntry("styled", 1328L);
        assertThat(seen).as("the diagram in its own column").containsEntry("overlap", false).containsEntry("scrolls", true);
        java.nio.file.Files.createDirectories(PlaygroundBrowserTest.SCREENSHOTS);
        java.nio.file.Files.write(PlaygroundBrowserTest.SCREENSHOTS.resolve("six-layers-of-16.png"),
                driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /**
     * The graph panel after it got its own state: it opens a neuron for the picked point, steps through that point's
     * backward pass, follows the picks (wrapping at the training points' count the page told it), brings the picked
     * point back to the first when a new setup has fewer, and closes when its neuron is gone.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theGraphPanelKeepsItsOwnStateThroughPicksAndNewSetups() {
        page.open("?data=circle&hidden=3&points=100&ratio=50&seed=7");
        Map<String, Object> seen = (Map<String, Object>) page.steps("""
                click('neuron-1-2');
                await wait(() => $t('graph').querySelector('svg'), 10000);
                const opened = document.getElementById('graph-of').textContent;
                click('backprop-step');
                const explained = text('backprop-explain');
                document.getElementById('sample-prev').click();   // from the first point back to the last of 50
                await wait(() => text('sample') === '50', 10000);
                const wrapped = document.getElementById('graph-of').textContent;
                document.getElementById('sample-next').click();
                document.getElementById('sample-next').click();
                await wait(() => text('sample') === '2', 10000);
                const pickedSvg = $t('graph').innerHTML;
                window.playground.apply('data=circle&hidden=3&points=100&ratio=50&seed=8');
                const sameNeuron = document.getElementById('graph-of').textContent;
                document.getElementById('sample-prev').click();
                document.getElementById('sample-prev').click();
                await wait(() => text('sample') === '50', 10000);
                window.playground.apply('data=circle&hidden=3&points=20&ratio=50&seed=8');   // 10 training points
                const fewer = text('sample');
                window.playground.apply('data=circle&hidden=2&points=20&ratio=50&seed=8');   // neuron 3 is gone
                return {opened, explained, wrapped, pickedSvg: pickedSvg.length, sameNeuron, fewer,
                  closed: $t('graph').innerHTML, stepDisabled: $t('backprop-step').disabled, message: text('message')};
                """);
        assertThat(seen).doesNotContainKey("error");
        assertThat((String) seen.get("opened")).isEqualTo("of neuron 3 in hidden layer 1, training point 1");
        assertThat((String) seen.get("explained")).isNotEmpty();
        assertThat((String) seen.get("wrapped")).isEqualTo("of neuron 3 in hidden layer 1, training point 50");
        assertThat(((Number) seen.get("pickedSvg")).intValue()).isPositive();
        assertThat((String) seen.get("sameNeuron")).isEqualTo("of neuron 3 in hidden layer 1, training point 2");
        assertThat(seen).containsEntry("fewer", "1").containsEntry("closed", "").containsEntry("stepDisabled", true)
                .containsEntry("message", "");
    }

    /**
     * While the page plays, what a click drew is painted before training goes on: the frame after a click on a neuron
     * trains no step (else its graph waited a whole training slice more to show), and the frame after that trains again.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aNeuronsGraphOpenedWhilePlayingIsPaintedBeforeTheNextTrainingSlice() {
        page.open("?data=circle&hidden=4&epochs=100000&play=1");
        List<List<Object>> seen = (List<List<Object>>) page.steps("""
                await wait(() => num('epoch') >= 1, 20000);
                const step = () => JSON.parse(window.playground.jgrad.stats()).step;
                const betweenFrames = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                const seen = [];
                for (const id of ['neuron-1-0', 'neuron-out', 'neuron-1-3']) {
                  await betweenFrames();
                  click(id);
                  const clicked = step();
                  const drawn = $t('graph').querySelector('svg') !== null;
                  await new Promise(r => requestAnimationFrame(r));   // after the play loop's callback of the next frame
                  const painted = step();
                  await betweenFrames();
                  seen.push([drawn, painted - clicked, step() - painted]);
                }
                window.playground.pause();
                return seen;
                """);
        assertThat(seen).hasSize(3).allSatisfy(s -> {
            assertThat(s.get(0)).as("the graph drawn by the click").isEqualTo(true);
            assertThat(((Number) s.get(1)).intValue()).as("steps trained before the click's frame is painted").isZero();
            assertThat(((Number) s.get(2)).intValue()).as("steps trained in the frame after").isPositive();
        });
    }
}
