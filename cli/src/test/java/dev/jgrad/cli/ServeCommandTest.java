package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.io.ModelFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgrad serve} against {@code jgrad predict --proba}: the same rows, sent as JSON objects, JSON
 * arrays and CSV, get the same labels and probabilities (or values) to the bit, for a model of each kind.
 */
class ServeCommandTest {
    @TempDir
    Path dir;

    private Path train(String name, String... args) {
        List<String> all = new ArrayList<>(List.of("train", "--progress", "none", "--val", "0", "--out", dir.resolve(name).toString()));
        all.addAll(List.of(args));
        Run r = MainTest.run(all.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return dir.resolve(name + "/model.json");
    }

    @Test
    void aTwoClassModelAnswersAsPredictDoesInFloat64AndFloat32() throws Exception {
        Path csv = Files.writeString(dir.resolve("train.csv"), "u,v,kind\n" + "0,0,in\n2,2,out\n0.1,0,in\n2,1.9,out\n".repeat(5));
        String rows = "u,v\n0,0\n2,2.1\n1,1\n1e3,-1e3\n0.9,1.2\n";
        sameAsPredict(train("a", "--csv", csv.toString(), "--label", "kind", "--epochs", "100", "--hidden", "4"), rows);
        sameAsPredict(train("b", "--csv", csv.toString(), "--label", "kind", "--epochs", "50", "--hidden", "4", "--engine", "tensor",
                "--dtype", "float32", "--loss", "bce"), rows);
    }

    @Test
    void aModelWithPreprocessingFillsFlagsAndEncodesAsPredictDoes() throws Exception {
        Path csv = Files.writeString(dir.resolve("t.csv"), "age,town,smoker,label\n"
                + "30,Boston,yes,a\nNA,Quincy,no,b\n50,Boston,no,b\n41,Cambridge,yes,a\n".repeat(4));
        Path model = train("p", "--csv", csv.toString(), "--label", "label", "--epochs", "60", "--hidden", "3", "--missing", "median",
                "--missing-indicator");
        assertThat(ModelFile.load(model).pipeline()).isNotNull();
        sameAsPredict(model, "age,town,smoker\n30,Boston,yes\nNA,Cambridge,no\n45,Salem,yes\n");
    }

    @Test
    void aThreeClassModelOnBuiltInDataAnswersAsPredictDoes() throws Exception {
        Path model = train("s", "--data", "spiral", "--classes", "3", "--points", "90", "--epochs", "20", "--hidden", "6");
        sameAsPredict(model, "x,y,label\n0.1,0.2,0\n-0.5,0.3,2\n0.9,-0.9,1\n");
    }

    @Test
    void aRegressionModelAnswersPredictsValues() throws Exception {
        Path model = train("r", "--csv", Path.of("../docs/examples/springs.csv").toString(), "--task", "regression", "--label", "stretch",
                "--epochs", "30", "--hidden", "4");
        Path input = Path.of("../docs/examples/new-springs.csv");
        Run p = MainTest.run("predict", "--model", model.toString(), "--input", input.toString());
        assertThat(p.code()).as(p.err()).isZero();
        List<String> expected = column(p.out(), "prediction");
        try (PredictServer server = start(model)) {
            ServeClient.Answer a = new ServeClient(server.uri()).post("/predict", "text/csv", Files.readString(input));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(((List<?>) a.json().get("values")).stream().map(String::valueOf)).containsExactlyElementsOf(expected);
        }
    }

    /** {@code rows} (a CSV text) through predict --proba, and as CSV, JSON objects and JSON arrays through the server. */
    private void sameAsPredict(Path model, String rows) throws Exception {
        Path input = Files.writeString(dir.resolve("rows.csv"), rows);
        Run p = MainTest.run("predict", "--model", model.toString(), "--input", input.toString(), "--proba");
        assertThat(p.code()).as(p.err()).isZero();
        List<String> header = Arrays.asList(p.out().lines().findFirst().orElseThrow().split(","));
        List<String> labels = column(p.out(), "prediction");
        List<List<String>> proba = p.out().lines().skip(1).map(l -> header.stream().filter(h -> h.startsWith("p_"))
                .map(h -> l.split(",")[header.indexOf(h)]).toList()).toList();
        List<String> names = Arrays.asList(rows.lines().findFirst().orElseThrow().split(","));
        List<String> columns = ModelFile.load(model).reading().columns();
        try (PredictServer server = start(model)) {
            ServeClient client = new ServeClient(server.uri());
            for (ServeClient.Answer a : List.of(client.post("/predict", "text/csv", rows),
                    client.post("/predict", "application/json", json(rows, names, columns, true)),
                    client.post("/predict", "application/json", json(rows, names, columns, false)))) {
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                assertThat(a.json().get("labels")).isEqualTo(labels);
                assertThat(((List<?>) a.json().get("probabilities")).stream()
                        .map(r -> ((List<?>) r).stream().map(String::valueOf).toList()).toList()).isEqualTo(proba);
            }
        }
    }

    /** The CSV rows as JSON: objects by column name, or arrays in the model's column order; NA as null. */
    private static String json(String rows, List<String> names, List<String> columns, boolean objects) {
        return rows.lines().skip(1).map(l -> {
            List<String> cells = Arrays.asList(l.split(","));
            Map<String, String> cell = new LinkedHashMap<>();
            for (String c : columns) {
                String v = cells.get(names.indexOf(c));
                cell.put(c, v.equals("NA") ? "null" : v.matches("[-+0-9.e]+") ? v : "\"" + v + "\"");
            }
            return objects ? cell.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}")) : String.join(", ", cell.values()).transform(s -> "[" + s + "]");
        }).collect(Collectors.joining(", ", "[", "]"));
    }

    private static List<String> column(String csv, String name) {
        int c = Arrays.asList(csv.lines().findFirst().orElseThrow().split(",")).indexOf(name);
        return csv.lines().skip(1).map(l -> l.split(",")[c]).toList();
    }

    private static PredictServer start(Path model) throws IOException {
        return PredictServer.start(new ServeAnswers(ModelFile.load(model), model), SiteServer.loopback(), 0);
    }

    @Test
    void badOptionsAreOneLineUsageErrors() throws IOException {
        Path model = train("u", "--data", "moons", "--points", "40", "--epochs", "2");
        Run port = MainTest.run("serve", "--model", model.toString(), "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("--port 70000 is not a port").hasLineCount(1);
        Run host = MainTest.run("serve", "--model", model.toString(), "--host", "no-such-host.invalid");
        assertThat(host.code()).isEqualTo(2);
        assertThat(host.err()).contains("--host no-such-host.invalid: not an address").hasLineCount(1);
        Run missing = MainTest.run("serve", "--model", dir.resolve("none.json").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).hasLineCount(1);
    }

    /** The command prints one line with its address, answers there, and Ctrl-C (SIGINT) ends it. */
    @Test
    void theCommandPrintsItsAddressAndStopsOnCtrlC() throws Exception {
        Path model = train("c", "--data", "moons", "--points", "40", "--epochs", "2");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.jgrad.cli.Main", "serve", "--model", model.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).matches("jgrad serve: http://127\\.0\\.0\\.1:\\d+/ \\(POST /predict, GET /model, GET /health; Ctrl-C stops it\\)");
            java.net.URI uri = java.net.URI.create(line.split(" ")[2]);
            assertThat(new ServeClient(uri).get("/health").status()).isEqualTo(200);
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped by SIGINT").isTrue();
            assertThat(out.readLine()).isNull();
        } finally {
            p.destroyForcibly();
        }
    }
}
