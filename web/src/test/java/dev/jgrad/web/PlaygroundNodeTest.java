package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * engine.js, the ES2015 module TeaVM makes of {@link Playground}, imported by Node (V8, as in Chromium)
 * and driven through its exports as the page drives it.
 */
class PlaygroundNodeTest {
    private static final Path ENGINE = Path.of(System.getProperty("jgrad.web.site", "target/classes/dev/jgrad/web/site"), "engine.js");

    @TempDir
    Path dir;

    @Test
    void thePostsCircleTrainsThroughTheExportedFunctionsInNode() throws IOException, InterruptedException {
        String out = node("""
                const s = JSON.parse(m.setup('data=circle&hidden=9&activation=tanh&lr=0.01&batch=1&seed=42'));
                let t; for (let e = 0; e < 100; e++) t = JSON.parse(m.epoch());
                const b = m.boundary(60);
                console.log(JSON.stringify({setup: s, stats: t, cells: b.length, typed: b instanceof Float64Array,
                    points: m.points().length, bad: JSON.parse(m.setup('hidden=17')), after: JSON.parse(m.stats()).query,
                    graph: JSON.parse(m.graph(1, 0, 0)).ok, model: JSON.parse(m.modelJson()).format}));
                """);
        Map<String, Object> r = PlaygroundTest.json(out);
        Map<String, Object> stats = (Map<String, Object>) r.get("stats");
        assertThat((double) stats.get("trainAccuracy")).isGreaterThanOrEqualTo(0.9);
        assertThat(stats.get("epoch")).isEqualTo(100.0);
        assertThat(r).containsEntry("cells", 3600.0).containsEntry("typed", true).containsEntry("points", 1200.0)
                .containsEntry("after", "").containsEntry("graph", true).containsEntry("model", "jgrad-model");
        assertThat((Map<String, Object>) r.get("bad")).containsEntry("error", "hidden: 17 neurons is more than 16");
        assertThat((String) ((Map<String, Object>) r.get("setup")).get("command")).startsWith("jgrad train --data circle");
    }

    /**
     * tanh far out in the page: TeaVM computes tanh from e^x, which made tanh(800) ∞/∞ = NaN in V8 where the JVM
     * says 1; the typed expression's forward pass now ends at 1 and its backward pass at a gradient of 0.
     */
    @Test
    void aTypedTanhFarOutIsOneInNodeAsOnTheJvm() throws IOException, InterruptedException {
        String out = node("""
                m.exprOpen('tanh(x*w)', 'x=800, w=1');
                let f; do { f = JSON.parse(m.exprForward()); } while (!f.forwardDone);
                let b; do { b = JSON.parse(m.exprBackward()); } while (!b.backwardDone);
                console.log(JSON.stringify({explain: f.explain, grads: b.grads}));
                """);
        Map<String, Object> r = PlaygroundTest.json(out);
        assertThat((String) r.get("explain")).contains("= 1.").doesNotContain("NaN");
        assertThat((Map<String, Object>) r.get("grads")).containsEntry("x", 0.0).containsEntry("w", 0.0);
    }

    /** The same seed draws the same points and weights in V8 as on the JVM: the generator and the split are exact. */
    @Test
    void aSeedGivesTheSamePointsAndWeightsInNodeAsOnTheJvm() throws IOException, InterruptedException {
        String query = "data=moons&hidden=4,3&init=pytorch&seed=11&features=x1,x2,x1x2";
        String out = node("m.setup('" + query + "'); console.log(JSON.stringify({points: Array.from(m.points()), "
                + "network: JSON.parse(m.network())}));");
        Playground.setup(query);
        Map<String, Object> r = PlaygroundTest.json(out);
        List<Object> jvm = java.util.Arrays.stream(Playground.points()).boxed().map(d -> (Object) d).toList();
        assertThat((List<Object>) r.get("points")).isEqualTo(jvm);
        assertThat(withoutGrads(r.get("network"))).isEqualTo(withoutGrads(PlaygroundTest.json(Playground.network())));
    }

    /**
     * The weights and biases, bit for bit; the gradients shown on hover are left out: measured through the scalar
     * engine's tanh, they may differ in the last bit between V8's Math.tanh and the JVM's.
     */
    @SuppressWarnings("unchecked")
    private static Object withoutGrads(Object network) {
        for (Object layer : (List<Object>) ((Map<String, Object>) network).get("layers")) {
            ((Map<String, Object>) layer).remove("grads");
        }
        return network;
    }

    /**
     * The largest network's frame in V8: one pass gives its coarser boundary (the engine's grid for it) and its 97 maps,
     * the same bits as the page's own boundary and neuron exports; the diagram's numbers come as one typed array.
     */
    @Test
    void theLargestNetworksFrameInNodeIsItsBoundaryAndEveryNeuronsMap() throws IOException, InterruptedException {
        String out = node("""
                m.setup('data=circle&hidden=16,16,16,16,16,16&seed=4'); m.epoch();
                const grid = JSON.parse(m.network()).grid;
                const f = m.frame(grid, 20), b = m.boundary(grid), last = m.neuron(6, 15, grid);
                let same = true;
                for (let i = 0; i < grid * grid; i++) same = same && Object.is(f[i], b[i]);
                for (let j = 0; j < 20; j++) for (let i = 0; i < 20; i++)
                  same = same && Object.is(f[grid * grid + 95 * 400 + j * 20 + i], last[(2 * j + 1) * grid + 2 * i + 1]);
                const d = m.diagram();
                console.log(JSON.stringify({grid, same, cells: f.length, typed: f instanceof Float64Array && d instanceof Float64Array,
                    diagram: d.length}));
                """);
        Map<String, Object> r = PlaygroundTest.json(out);
        assertThat(r).containsEntry("grid", 40.0).containsEntry("same", true).containsEntry("cells", 1600.0 + 97 * 400)
                .containsEntry("typed", true).containsEntry("diagram", 16.0 * 7 + 5 * 16 * 35 + 35);
    }

    /** Drawn points, a CSV and its one-line errors, and a divergence work in the browser's engine as on the JVM. */
    @Test
    void drawnPointsCsvFilesAndErrorsWorkInNode() throws IOException, InterruptedException {
        String out = node("""
                m.setup('data=custom&hidden=2'); m.reset();
                for (let i = 0; i < 6; i++) m.addPoint(i / 5, -i / 5, i % 2);
                const drawn = JSON.parse(m.epoch());
                const csv = JSON.parse(m.loadCsv('u,v,kind\\n0,0,in\\n2,2,out\\n0,0.1,in\\n2,1.9,out\\n'));
                const bad = JSON.parse(m.loadCsv('u,v,kind\\n0,zero,in\\n1,1,out\\n'));
                const lr = JSON.parse(m.setup('lr=-1'));
                console.log(JSON.stringify({drawn: drawn.epoch, csv: csv.command, bad: bad.error, lr: lr.error, points: m.points().length}));
                """);
        Map<String, Object> r = PlaygroundTest.json(out);
        assertThat(r).containsEntry("drawn", 1.0).containsEntry("bad", "data.csv:2: column 2 ('v'): 'zero' is not a finite number")
                .containsEntry("lr", "lr: -1 is less than 0").containsEntry("points", 16.0);
        assertThat((String) r.get("csv")).contains("--csv data.csv --label kind");
    }

    /** Regression in the browser's engine: the sine's R² rises as on the JVM, its curve is drawn, the plane has no boundary. */
    @Test
    void aRegressionTrainsWithItsR2AndCurveInNodeAsOnTheJvm() throws IOException, InterruptedException {
        String query = "data=sine&hidden=6&lr=0.03&seed=5";
        String out = node("""
                m.setup('%s'); const before = JSON.parse(m.stats());
                let t; for (let e = 0; e < 20; e++) t = JSON.parse(m.epoch());
                const curve = Array.from(m.curve(40));
                const plane = JSON.parse(m.setup('data=plane&loss=bce'));
                console.log(JSON.stringify({before: before.trainR2, after: t.trainR2, curve, bad: plane.error}));
                """.formatted(query));
        Map<String, Object> r = PlaygroundTest.json(out);
        Playground.setup(query);
        for (int e = 0; e < 20; e++) {
            Playground.epoch();
        }
        double jvm = (double) PlaygroundTest.json(Playground.stats()).get("trainR2");
        assertThat((double) r.get("after")).isGreaterThan((double) r.get("before")).isCloseTo(jvm, org.assertj.core.api.Assertions.within(1e-9));
        assertThat((List<Object>) r.get("curve")).hasSize(40);
        assertThat(r.get("bad")).isEqualTo("loss: bce scores classes; plane is regression data (a number per point), trained with mse");
    }

    /**
     * The loss landscape in V8 is the JVM's to the bit: the tensor engine's 2-8-8-1, whose first neuron's two weights take
     * the surface's quickest path (through the next layer into the output in one pass), and a pair in two layers.
     */
    @Test
    void theLandscapeInNodeIsTheJvmsBitForBit() throws IOException, InterruptedException {
        String query = "data=circle&points=200&hidden=8,8&seed=3";
        String out = node("""
                m.setup('%s'); for (let e = 0; e < 3; e++) m.epoch();
                const first = JSON.parse(m.landscape('0-0-0', '0-0-1', 12)).ok ? Array.from(m.landscapeLoss()) : null;
                const apart = JSON.parse(m.landscape('0-3-2', '1-5-4', 12)).ok ? Array.from(m.landscapeLoss()) : null;
                console.log(JSON.stringify({first, apart}));
                """.formatted(query));
        Map<String, Object> r = PlaygroundTest.json(out);
        Playground.setup(query);
        for (int e = 0; e < 3; e++) {
            Playground.epoch();
        }
        Playground.landscape("0-0-0", "0-0-1", 12);
        List<Object> first = java.util.Arrays.stream(Playground.landscapeLoss()).boxed().map(d -> (Object) d).toList();
        Playground.landscape("0-3-2", "1-5-4", 12);
        List<Object> apart = java.util.Arrays.stream(Playground.landscapeLoss()).boxed().map(d -> (Object) d).toList();
        assertThat((List<Object>) r.get("first")).hasSize(144).isEqualTo(first);
        assertThat((List<Object>) r.get("apart")).hasSize(144).isEqualTo(apart);
    }

    /** Node's stdout for {@code script} run with the module imported as {@code m}; skips without node (fails in CI). */
    private String node(String script) throws IOException, InterruptedException {
        Optional<Path> node = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(p -> java.util.Arrays.stream(p.split(File.pathSeparator)))
                .map(p -> Path.of(p, "node")).filter(Files::isExecutable).findFirst();
        if (System.getenv("CI") != null) {
            assertThat(node).as("node on the PATH in CI").isPresent();
        }
        assumeTrue(node.isPresent(), "Node is not installed: engine.js was built, its run is skipped");
        assertThat(ENGINE).as("TeaVM's engine.js").isRegularFile();
        Path stdout = dir.resolve("out.txt"), stderr = dir.resolve("err.txt");
        String program = "import * as m from '" + ENGINE.toAbsolutePath().toUri() + "';\n" + script;
        Process p = new ProcessBuilder(node.get().toString(), "--input-type=module", "-e", program)
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();
        return Files.readString(stdout);
    }
}
