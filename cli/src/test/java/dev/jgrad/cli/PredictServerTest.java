package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.io.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jgrad serve}'s server on loopback at an ephemeral port: its routes, refusals and limits, and clients that misbehave. */
class PredictServerTest {
    private static final String JSON = "application/json";
    private static final String ROWS = "[{\"u\": 0, \"v\": 0.1}, [2, 2.1], {\"v\": 1, \"u\": 1, \"ignored\": \"x\"}]";

    @TempDir
    static Path dir;
    /** The request time of {@link #quick}: short, so the tests that wait for a client to be cut off wait little. */
    private static final Duration QUICK = Duration.ofSeconds(2);
    private static PredictServer server;
    private static ServeClient client;
    /** A server like {@link #server} but for its request time. */
    private static PredictServer quick;

    @BeforeAll
    static void start() throws IOException {
        Path csv = Files.writeString(dir.resolve("train.csv"), "u,v,kind\n" + "0,0,in\n2,2,out\n0.1,0,in\n2,1.9,out\n".repeat(5));
        Run r = MainTest.run("train", "--csv", csv.toString(), "--label", "kind", "--epochs", "200", "--hidden", "4",
                "--activation", "tanh", "--val", "0", "--progress", "none", "--out", dir.resolve("m").toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path model = dir.resolve("m/model.json");
        server = PredictServer.start(new ServeAnswers(ModelFile.load(model), model), SiteServer.loopback(), 0);
        client = new ServeClient(server.uri());
        quick = PredictServer.start(new ServeAnswers(ModelFile.load(model), model), SiteServer.loopback(), 0,
                PredictServer.THREADS, PredictServer.QUEUE, QUICK);
    }

    @AfterAll
    static void stop() {
        server.close();
        quick.close();
    }

    @Test
    void listensOnTheLoopbackAddressAtTheGivenPort() {
        assertThat(server.address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
    }

    @Test
    void healthAndTheModelsDescription() throws Exception {
        assertThat(client.get("/health").json()).containsEntry("status", "ok");
        ServeClient.Answer m = client.get("/model");
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.response().headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(m.json()).containsEntry("task", "classification").containsEntry("classes", List.of("in", "out"))
                .containsEntry("output", "probabilities");
        assertThat(m.body()).contains("\"name\": \"u\"", "\"name\": \"v\"", "\"type\": \"number\"");
    }

    @Test
    void rowsAsObjectsAndArraysArePredicted() throws Exception {
        ServeClient.Answer a = client.post("/predict", JSON + "; charset=utf-8", ROWS);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json()).containsEntry("labels", List.of("in", "out", "out")).containsEntry("classes", List.of("in", "out"));
        assertThat((List<?>) a.json().get("probabilities")).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [{"u": "far", "v": 0}]            | row:1: column 'u' holds the text 'far'; the model reads a number there
            [{"u": 1, "v": 0}, {"u": 1}]      | row 2: no field 'v'
            [[1, 2, 3]]                       | row 1: 3 values; the model reads 2 columns (u, v)
            [{"u": [1], "v": 0}]              | row 1, field 'u': a JSON array
            [{"u": 1, "v": 0}, {"u": "a", "v": 0}] | row 2, field 'u': text where row 1 has a number
            [{"u": null, "v": 0}]             | row: missing values in 1 column: 'u' 1 of 1 rows (first at line 1)
            [7]                               | row 1: a JSON number
            {"u": 1, "v": 0}                  | the body is a JSON array of rows
            [{"u": 1,                         | the body is not JSON
            """)
    void badRowsAreRefusedWithOneLineNamingTheRowAndField(String body, String message) throws Exception {
        ServeClient.Answer a = client.post("/predict", JSON, body);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.error()).contains(message).doesNotContain("\n");
        assertThat(a.body()).endsWith("}\n").hasLineCount(1);
    }

    @Test
    void aCsvBodyWithABadCellNamesItsLine() throws Exception {
        ServeClient.Answer a = client.post("/predict", "text/csv", "u,v\n1,2\nfar,3\n");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.error()).contains("line:3");
    }

    @ParameterizedTest
    @CsvSource({"text/plain", "application/x-www-form-urlencoded", "''"})
    void otherBodiesAreUnsupportedMediaTypes(String type) throws Exception {
        ServeClient.Answer a = client.post("/predict", type.isEmpty() ? null : type, ROWS);
        assertThat(a.status()).isEqualTo(415);
        assertThat(a.error()).contains("application/json", "text/csv");
    }

    @ParameterizedTest
    @CsvSource({"GET, /predict, POST", "POST, /model, GET", "POST, /health, GET", "DELETE, /predict, POST", "PUT, /model, GET"})
    void theWrongMethodIsNotAllowedAndAllowSaysWhich(String method, String path, String allow) throws Exception {
        ServeClient.Answer a = client.send(HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString("")).build());
        assertThat(a.status()).isEqualTo(405);
        assertThat(a.response().headers().firstValue("allow")).hasValue(allow);
    }

    @ParameterizedTest
    @CsvSource({"/", "/predict/", "/predictions", "/model.json", "/health/x", "/%2e%2e/etc/passwd"})
    void otherPathsAreNotFound(String path) throws Exception {
        ServeClient.Answer a = client.get(path);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.error()).contains("POST /predict");
    }

    @Test
    void aRequestForAnotherHostIsMisdirected() throws IOException {
        assertThat(ServeClient.raw(server.port(), "GET /health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 421");
    }

    @Test
    void moreRowsThanTheLimitAreTooLarge() throws Exception {
        String rows = "[" + String.join(",", java.util.Collections.nCopies(PredictServer.MAX_ROWS + 1, "[1, 2]")) + "]";
        ServeClient.Answer a = client.post("/predict", JSON, rows);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.error()).isEqualTo((PredictServer.MAX_ROWS + 1) + " rows in one request; at most " + PredictServer.MAX_ROWS);
        String csv = "u,v\n" + "1,2\n".repeat(PredictServer.MAX_ROWS);
        assertThat(client.post("/predict", "text/csv", csv).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsTooLargeWhetherItsLengthIsGivenOrNot() throws Exception {
        byte[] big = new byte[PredictServer.MAX_BODY + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(client.post("/predict", JSON, HttpRequest.BodyPublishers.ofByteArray(big)).status()).isEqualTo(413);
        // chunked: no Content-Length, so the server stops reading one byte past the limit
        ServeClient.Answer chunked = client.post("/predict", JSON,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)));
        assertThat(chunked.status()).isEqualTo(413);
        // the body never comes: after the answer, the connection is closed when the request time is out
        String head = ServeClient.raw(quick.port(), "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 99999999999\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 413");
        assertThat(client.post("/predict", JSON, ROWS).status()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotUtf8IsABadRequest() throws Exception {
        byte[] latin1 = "[{\"u\": \"caf\u00e9\", \"v\": 1}]".getBytes(StandardCharsets.ISO_8859_1);
        ServeClient.Answer a = client.post("/predict", JSON, HttpRequest.BodyPublishers.ofByteArray(latin1));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.error()).contains("UTF-8");
    }

    /** A client killed mid-request: half a body, then the socket closes; the worker is freed and the next request answered. */
    @Test
    void aClientKilledMidRequestLeavesTheServerAnswering() throws Exception {
        String body = ROWS.repeat(1);
        for (int i = 0; i < 2 * PredictServer.THREADS; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", server.port()));
                OutputStream out = s.getOutputStream();
                out.write(("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body.substring(0, body.length() / 2)).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        ServeClient.Answer a = client.post("/predict", JSON, ROWS);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json()).containsEntry("labels", List.of("in", "out", "out"));
    }

    /** A client that sends half a body and then nothing is cut off by the request deadline, not held forever. */
    @Test
    void aStalledClientIsDisconnected() throws Exception {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", quick.port()));
            s.setSoTimeout((int) QUICK.plusSeconds(50).toMillis());
            s.getOutputStream().write(("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n[").getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            // The server closes the connection (end of stream, or a reset); a read timeout would fail the test.
            int read;
            try {
                read = in.read();
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            assertThat(read).isEqualTo(-1);
        }
        // cut off by its own server's deadline: not before it
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(QUICK);
        assertThat(new ServeClient(quick.uri()).get("/health").status()).isEqualTo(200);
    }

    /**
     * With every worker held by a client that stalls mid-body and the queue full, the next request is told 503 with
     * Retry-After at once (not a dropped connection), and once the stalled clients leave, requests are answered again.
     */
    @Test
    void aFullQueueIsAnsweredServiceUnavailable() throws Exception {
        Path model = dir.resolve("m/model.json");
        try (PredictServer small = PredictServer.start(new ServeAnswers(ModelFile.load(model), model), SiteServer.loopback(), 0, 1, 1,
                PredictServer.REQUEST_TIME)) {
            ServeClient smallClient = new ServeClient(small.uri());
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {   // one holds the worker, one waits in the queue
                    Socket s = new Socket("127.0.0.1", small.port());
                    stalled.add(s);
                    s.getOutputStream().write(("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100\r\n\r\n[").getBytes(StandardCharsets.UTF_8));
                    s.getOutputStream().flush();
                    awaitTaken(small, i + 1);   // the server takes it in before the next one arrives
                }
                ServeClient.Answer busy = smallClient.get("/health");
                assertThat(busy.status()).isEqualTo(503);
                assertThat(busy.error()).contains("busy").contains("try again");
                assertThat(busy.response().headers().firstValue("Retry-After")).hasValue("1");
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }
            awaitTaken(small, 0);   // the worker and the queue have let the closed clients go
            assertThat(smallClient.get("/health").status()).isEqualTo(200);
        }
    }

    private static void awaitTaken(PredictServer server, int taken) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (server.taken() != taken && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.taken()).isEqualTo(taken);
    }

    /** 8 clients × 50 requests at once get the same bytes as the same requests one after another. */
    @Test
    void concurrentClientsGetTheSameAnswersAsSequentialOnes() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double u = i / 25.0, v = 2 - i / 30.0;
            bodies.add(i % 2 == 0 ? "[{\"u\": " + u + ", \"v\": " + v + "}]" : "[[" + u + ", " + v + "], [" + v + ", " + u + "]]");
        }
        List<String> sequential = new ArrayList<>();
        for (String b : bodies) {
            sequential.add(client.post("/predict", JSON, b).body());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                clients.add(pool.submit(() -> {
                    ServeClient own = new ServeClient(server.uri());
                    List<String> got = new ArrayList<>();
                    for (String b : bodies) {
                        got.add(own.post("/predict", JSON, b).body());
                    }
                    return got;
                }));
            }
            for (Future<List<String>> f : clients) {
                assertThat(f.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The load generator of docs/performance.md, run small: every request answered, each counted once. */
    @Test
    void theLoadGeneratorCountsItsRequests() throws Exception {
        ServeLoad.Result r = new ServeLoad(server.uri()).run(100, 12, 60, 3);
        assertThat(r.requests()).isEqualTo(12);
        assertThat(r.failed()).isZero();
        assertThat(r.p99Millis()).isGreaterThanOrEqualTo(r.p50Millis()).isPositive();
    }
}
