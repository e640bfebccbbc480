package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground's speed in Chromium, measured, not asserted (docs/performance.md has the figures):
 * {@code ./mvnw -o -pl cli -am verify -Dtest=PlaygroundSpeedTest -Djgrad.playground.speed=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. It prints its lines and writes them to
 * target/playground-speed.txt; off by default, so that CI spends its minutes on checks.
 */
@EnabledIfSystemProperty(named = "jgrad.playground.speed", matches = "true")
@ExtendWith(SharedPage.class)
class PlaygroundSpeedTest {
    private static final long SETTLE_MS = 2000;
    private static final long MEASURE_MS = 6000;

    @Test
    void measuresTrainingDrawingAndBackpropSteps(PlaygroundPage page) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        ChromeDriver d = page.driver();
        // 1. A 2-8-8-1 tanh network on 500 points (80 % of them training), mini-batches of 10, playing:
        //    the loop trains, then redraws the 60×60 boundary, the neurons and the curves every frame.
        page.open("?data=circle&points=500&hidden=8,8&activation=tanh&batch=10&epochs=100000&play=1");
        Thread.sleep(SETTLE_MS);
        Map<String, Object> a = counters(d);
        Thread.sleep(MEASURE_MS);
        Map<String, Object> b = counters(d);
        double seconds = (num(b, "t") - num(a, "t")) / 1000;
        double eps = (num(b, "epoch") - num(a, "epoch")) / seconds;
        double fps = (num(b, "frames") - num(a, "frames")) / seconds;
        lines.add(String.format("2-8-8-1 tanh, 500 points, batch 10, playing: %.1f epochs/s at %.1f frames/s (60x60 boundary)", eps, fps));
        d.executeScript("window.playground.pause()");
        // 2. Backprop steps on the output neuron's graph (2-8-8-1: 8 inputs, the loss), click to SVG in the page.
        Object perStep = d.executeScript(
                "const $ = id => document.getElementById(id);"
                        + "document.querySelector('[data-testid=neuron-out]').click();"
                        + "let n = 0, total = 0, worst = 0;"
                        + "for (let round = 0; round < 5; round++) {"
                        + "  document.querySelector('[data-testid=neuron-out]').click();"
                        + "  while (!$('bp-step').disabled && n < 500) {"
                        + "    const t = performance.now(); $('bp-step').click(); const dt = performance.now() - t;"
                        + "    total += dt; worst = Math.max(worst, dt); n++; } }"
                        + "return [n, total / Math.max(1, n), worst];");
        List<?> step = (List<?>) perStep;
        lines.add(String.format("backprop step on the output neuron's graph: %.2f ms a step on average, %.2f ms at worst (%s steps)",
                ((Number) step.get(1)).doubleValue(), ((Number) step.get(2)).doubleValue(), step.get(0)));
        // 3. The post's run: 9 tanh neurons, 300 circle points, per-sample SGD, 200 epochs.
        page.open("?data=circle&points=300&hidden=9&activation=tanh&batch=1&lr=0.01");
        Object engine = d.executeScript(
                "const g = window.playground.jgrad; const t = performance.now();"
                        + "for (let e = 0; e < 200; e++) { g.epoch(); }"
                        + "return [performance.now() - t, JSON.parse(g.stats()).trainAccuracy];");
        List<?> post = (List<?>) engine;
        lines.add(String.format("the post's 9-neuron circle, 300 points, batch 1, 200 epochs: %.2f s in the engine "
                + "(train accuracy %.3f)", ((Number) post.get(0)).doubleValue() / 1000, ((Number) post.get(1)).doubleValue()));
        page.open("?data=circle&points=300&hidden=9&activation=tanh&batch=1&lr=0.01&play=1");
        long start = System.nanoTime();
        try {
            new WebDriverWait(d, Duration.ofSeconds(60), Duration.ofMillis(20)).until(x -> num(counters(d), "epoch") >= 200);
        } catch (TimeoutException e) {
            // the line below says how long it ran
        }
        lines.add(String.format("the same, playing (drawn every frame): epoch 200 after %.2f s", (System.nanoTime() - start) / 1e9));
        // 4. The largest network the page allows, 6 hidden layers of 16, playing: frames a second; and its 96 neuron
        //    maps from one pass over the grid against one pass per neuron, interleaved in the same page.
        page.open("?data=circle&hidden=16,16,16,16,16,16&epochs=100000&play=1");
        Thread.sleep(SETTLE_MS);
        Map<String, Object> c = counters(d);
        Thread.sleep(MEASURE_MS);
        Map<String, Object> e = counters(d);
        double big = (num(e, "frames") - num(c, "frames")) / ((num(e, "t") - num(c, "t")) / 1000);
        d.executeScript("window.playground.pause()");
        List<?> maps = (List<?>) d.executeScript("const g = window.playground.jgrad; let one = 0, each = 0;"
                + "for (let r = 0; r < 10; r++) {"
                + "  let t = performance.now(); g.neurons(20); one += performance.now() - t;"
                + "  t = performance.now(); for (let l = 1; l <= 6; l++) for (let i = 0; i < 16; i++) g.neuron(l, i, 20);"
                + "  each += performance.now() - t; }"
                + "return [one / 10, each / 10];");
        lines.add(String.format("6x16 tanh, playing: %.1f frames/s; its 96 neuron maps (20x20): one pass %.2f ms, one pass a neuron "
                + "%.2f ms", big, ((Number) maps.get(0)).doubleValue(), ((Number) maps.get(1)).doubleValue()));
        // 5. A frame's training on that network with per-sample steps and 2,000 points: how far one call of train(40) goes
        //    past its 40 ms (it checks the clock after each update).
        Object worst = d.executeScript("window.playground.apply('points=2000&hidden=16,16,16,16,16,16&batch=1');"
                + "const g = window.playground.jgrad; let worst = 0;"
                + "for (let i = 0; i < 10; i++) { const t = performance.now(); g.train(40); worst = Math.max(worst, performance.now() - t); }"
                + "return worst;");
        lines.add(String.format("2,000 points, 6x16, batch 1: the longest of ten train(40) calls took %.1f ms", ((Number) worst).doubleValue()));
        assertThat(eps).isPositive();
        assertThat(fps).isPositive();
        lines.forEach(System.out::println);
        Files.write(Path.of("target", "playground-speed.txt"), lines);
    }

    /**
     * 6. Opening a neuron's graph on the largest network, paused and playing: from a mouse click (sent as Chromium's
     * input, so it waits behind a running frame as a user's would) to the first task after the frame that paints it.
     * {@code -Djgrad.playground.throttle=8} slows Chromium's CPU eightfold, about what a load average of 20 on the two
     * shared cores did to the page, without loading the machine.
     */
    @Test
    void measuresANeuronsGraphFromClickToPaint(PlaygroundPage page) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        ChromeDriver d = page.driver();
        int throttle = Integer.getInteger("jgrad.playground.throttle", 1);
        for (String play : new String[] {"", "&play=1"}) {
            page.open("?data=circle&hidden=16,16,16,16,16,16&epochs=100000" + play);
            d.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", throttle));
            Thread.sleep(SETTLE_MS);
            List<Long> ms = new ArrayList<>();
            for (String id : new String[] {"neuron-1-0", "neuron-2-0", "neuron-6-3", "neuron-out", "neuron-3-5"}) {
                List<?> at = (List<?>) page.script("const b = $t('" + id + "'); b.scrollIntoView({block: 'center'});"
                        + "$t('graph').textContent = ''; window.clickedAt = null; window.painted = null;"
                        + "addEventListener('click', e => { window.clickedAt = e.timeStamp; }, {capture: true, once: true});"
                        + "new MutationObserver((m, o) => { o.disconnect(); requestAnimationFrame(() => setTimeout(() => {"
                        + " window.painted = performance.now(); })); }).observe($t('graph'), {childList: true});"
                        + "const r = b.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];");
                for (String type : new String[] {"mousePressed", "mouseReleased"}) {
                    d.executeCdpCommand("Input.dispatchMouseEvent", Map.of("type", type, "x", at.get(0), "y", at.get(1),
                            "button", "left", "clickCount", 1));
                }
                page.until(Duration.ofSeconds(20), "window.painted !== null");
                ms.add(Math.round(((Number) page.script("return window.painted - window.clickedAt;")).doubleValue()));
            }
            page.pause();
            d.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
            lines.add("6x16, " + (play.isEmpty() ? "paused" : "playing") + ", CPU slowed " + throttle + "x: a neuron's graph from click to paint, ms: "
                    + ms);
        }
        lines.forEach(System.out::println);
        Files.write(Path.of("target", "playground-speed-graph.txt"), lines);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counters(ChromeDriver d) {
        return (Map<String, Object>) d.executeScript("return {t: performance.now(), frames: window.playground.state.frames,"
                + " epoch: Number(document.querySelector('[data-testid=epoch]').textContent)};");
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
