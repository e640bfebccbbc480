package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SiteServerTest {
    private static final Site SITE = new Site(Map.of(
            "index.html", bytes("<!DOCTYPE html><title>t</title>"),
            "engine.js", bytes("export function f() {}"),
            "playground.css", bytes("body {}"),
            "pics/a.svg", bytes("<svg/>"),
            "pics/b.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            "model.json", bytes("{}")));

    private SiteServer server;

    @BeforeEach
    void start() throws IOException {
        server = SiteServer.start(SITE, 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void listensOnTheLoopbackAddressOnly() {
        assertThat(server.address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
    }

    @Test
    void theRootIsTheIndexWithItsTypeAndNoCaching() throws IOException {
        Answer a = request("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(a.header("cache-control")).isEqualTo("no-cache");
        assertThat(a.header("etag")).isEqualTo(SITE.tag("index.html"));
        assertThat(a.body()).isEqualTo("<!DOCTYPE html><title>t</title>");
        assertThat(a.header("content-length")).isEqualTo("" + a.body().length());
    }

    @ParameterizedTest
    @CsvSource({"/engine.js, text/javascript; charset=utf-8", "/playground.css, text/css; charset=utf-8",
            "/pics/a.svg, image/svg+xml", "/pics/b.png, image/png", "/model.json, application/json",
            "/index.html?data=xor&hidden=3, text/html; charset=utf-8", "/%65ngine.js, text/javascript; charset=utf-8"})
    void eachFileHasItsContentType(String path, String type) throws IOException {
        Answer a = request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("content-type")).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../index.html", "/pics/../index.html", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
            "/pics/%2e%2e/index.html", "/.%2e/index.html", "/pics\\..\\index.html", "/%5c..%5cindex.html",
            "/./index.html", "//etc/passwd", "http://evil/index.html", "*", "/%zz", "/%2", "/%c0%ae%c0%ae/index.html",
            "/C:/index.html", "/%00index.html"})
    void pathsOutsideTheSiteAreRefused(String path) throws IOException {
        // http://evil/… names another host: 421, as its Host would.
        assertThat(request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").status()).isIn(400, 404, 421);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/pics", "/pics/", "/missing.js", "/index.html/"})
    void foldersAndMissingFilesAreNotFoundAndNeverListed(String path) throws IOException {
        Answer a = request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).doesNotContain("a.svg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT"})
    void methodsOtherThanGetAndHeadAreNotAllowed(String method) throws IOException {
        Answer a = request(method + " /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
        assertThat(a.status()).isEqualTo(405);
        assertThat(a.header("allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void headHasTheHeadersButNoBody() throws IOException {
        Answer a = request("HEAD /engine.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("content-length")).isEqualTo("" + "export function f() {}".length());
        assertThat(a.body()).isEmpty();
    }

    @Test
    void aRefetchWithTheFilesTagIsNotModifiedWithNoBody() throws IOException {
        Answer first = request("GET /engine.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        String tag = first.header("etag");
        assertThat(tag).matches("\"[0-9a-f]{32}\"");
        Answer again = request("GET /engine.js HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: " + tag + "\r\n\r\n");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("etag")).isEqualTo(tag);
        assertThat(again.header("cache-control")).isEqualTo("no-cache");
        assertThat(again.header("content-length")).isNull();
        assertThat(again.header("x-frame-options")).isEqualTo("DENY");
        Answer head = request("HEAD /engine.js HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: " + tag + "\r\n\r\n");
        assertThat(head.status()).isEqualTo(304);
        assertThat(head.body()).isEmpty();
    }

    /** A list naming the tag, its weak form (If-None-Match compares weakly) or * is a match too. */
    @ParameterizedTest
    @ValueSource(strings = {"TAG", "W/TAG", "\"0123\", TAG", "\"a,b\",TAG", "*", " TAG "})
    void aListNamingTheTagOrAStarIsNotModified(String field) throws IOException {
        String tag = SITE.tag("engine.js");
        Answer a = request("GET /engine.js HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: " + field.replace("TAG", tag) + "\r\n\r\n");
        assertThat(a.status()).isEqualTo(304);
        assertThat(a.body()).isEmpty();
    }

    /** Another file's tag, a changed one, an unquoted or malformed one: the file is sent whole, never a wrong 304. */
    @ParameterizedTest
    @ValueSource(strings = {"OTHER", "\"0123\"", "BARE", "\"TAG", "TAGx", "\"\"", "*, TAG", "W/ TAG", ""})
    void anotherOrMalformedTagGetsTheWholeFile(String field) throws IOException {
        String tag = SITE.tag("engine.js");
        String value = field.replace("OTHER", SITE.tag("index.html")).replace("BARE", tag.replace("\"", ""))
                .replace("\"TAG", tag.substring(0, tag.length() - 1)).replace("TAG", tag);
        Answer a = request("GET /engine.js HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: " + value + "\r\n\r\n");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("export function f() {}");
        assertThat(a.header("etag")).isEqualTo(tag);
    }

    @Test
    void aRebuiltFileHasAnotherTagSoTheOldCopyIsNotKept() throws IOException {
        Site rebuilt = new Site(Map.of("engine.js", bytes("export function f() { return 1; }")));
        assertThat(rebuilt.tag("engine.js")).isNotEqualTo(SITE.tag("engine.js"));
        assertThat(new Site(Map.of("engine.js", bytes("export function f() {}"))).tag("engine.js")).isEqualTo(SITE.tag("engine.js"));
        try (SiteServer s = SiteServer.start(rebuilt, 0)) {
            Answer a = new Answer(raw(s.port(), "GET /engine.js HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: "
                    + SITE.tag("engine.js") + "\r\n\r\n"));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).contains("return 1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /missing.js HTTP/1.1\r\nHost: 127.0.0.1", "POST /engine.js HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0",
        "GET /%zz HTTP/1.1\r\nHost: 127.0.0.1", "GET /engine.js HTTP/1.1\r\nHost: evil.example", "GET /engine.js HTTP/1.1",
        "HEAD /missing.js HTTP/1.1\r\nHost: 127.0.0.1"})
    void errorsCarryNoTagAndAreNeverNotModified(String head) throws IOException {
        Answer a = request(head + "\r\nIf-None-Match: *\r\n\r\n");
        assertThat(a.status()).isIn(400, 404, 405, 421);
        assertThat(a.header("etag")).isNull();
        assertThat(a.header("cache-control")).isEqualTo("no-cache");
    }

    /** HEAD is GET without the body, for a missing file too; its length is still the body's. */
    @Test
    void headOfAMissingFileHasNoBody() throws IOException {
        Answer a = request("HEAD /missing.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).isEmpty();
        assertThat(a.header("content-length")).isEqualTo("" + "404 Not Found\n".length());
    }

    @Test
    void aHugeHeaderIsRefusedWith431() throws IOException {
        String big = "a".repeat(SiteServer.MAX_HEAD + 10);
        assertThat(request("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + big + "\r\n\r\n").status()).isEqualTo(431);
        assertThat(request("GET /" + big + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").status()).isEqualTo(431);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /\r\n\r\n", "GET / HTTP/1.1 extra\r\n\r\n", "GET / FTP/1.0\r\n\r\n", "\r\n\r\n"})
    void aMalformedRequestLineIsABadRequest(String request) throws IOException {
        assertThat(request(request).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "127.0.0.1.evil.example", "localhost.evil.example", "10.0.0.1", "localhost:1",
        "[::2]", "127.0.0.2", ""})
    void anotherHostIsMisdirectedSoDnsRebindingReachesNothing(String host) throws IOException {
        Answer a = request("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
        assertThat(a.status()).isIn(400, 421);
        assertThat(a.body()).doesNotContain("<title>");
    }

    @Test
    void theLoopbackNamesAndTheBoundAddressAreServed() throws IOException {
        for (String host : new String[] {"127.0.0.1", "localhost", "LOCALHOST", "[::1]", "127.0.0.1:" + server.port(),
            "localhost:" + server.port(), "[::1]:" + server.port()}) {
            assertThat(request("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void hostIsNeededOnceInHttp11AndNotInHttp10() throws IOException {
        assertThat(request("GET / HTTP/1.1\r\n\r\n").status()).isEqualTo(400);
        assertThat(request("GET / HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\n\r\n").status()).isEqualTo(400);
        assertThat(request("GET / HTTP/1.0\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    void absoluteFormTargetsAreServedAndTheirAuthorityChecked() throws IOException {
        String local = "http://127.0.0.1:" + server.port();
        Answer a = request("GET " + local + "/engine.js HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("content-type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(request("GET " + local + " HTTP/1.1\r\nHost: localhost\r\n\r\n").status()).isEqualTo(200);
        assertThat(request("GET http://evil.example/ HTTP/1.1\r\nHost: localhost\r\n\r\n").status()).isEqualTo(421);
    }

    @Test
    void bareLineFeedsEndTheHeadToo() throws IOException {
        Answer a = request("GET /engine.js HTTP/1.1\nHost: localhost\n\n");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("export function f() {}");
    }

    @Test
    void thePageMayNotBeFramed() throws IOException {
        Answer a = request("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(a.header("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(a.header("x-frame-options")).isEqualTo("DENY");
    }

    /** 200 clients that connect and send nothing, or half a head, hold no thread: the next request is answered at once. */
    @Test
    void idleConnectionsDoNotStallTheServer() throws IOException {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket(SiteServer.loopback(), server.port());
                if (i % 2 == 1) {
                    s.getOutputStream().write("GET / HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.ISO_8859_1));
                }
                idle.add(s);
            }
            try (Socket s = new Socket(SiteServer.loopback(), server.port())) {
                // Far more than the answer needs, far less than the old server's 10 s per stalled connection.
                s.setSoTimeout(3_000);
                s.getOutputStream().write("GET /engine.js HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 OK");
            }
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    /** A client that sends a byte now and then is dropped when its head's time is up, not held forever. */
    @Test
    void aDripFedHeadIsDroppedAtItsDeadline() throws IOException, InterruptedException {
        try (SiteServer quick = SiteServer.start(SITE, 0, Duration.ofMillis(500));
                Socket s = new Socket(SiteServer.loopback(), quick.port())) {
            s.setSoTimeout(100);
            byte[] drip = "GET / HTTP/1.1\r\nHost: localhost\r\nX: ".getBytes(StandardCharsets.ISO_8859_1);
            boolean closed = false;
            for (int i = 0; i < 50 && !closed; i++) {
                try {
                    s.getOutputStream().write(drip[Math.min(i, drip.length - 1)]);
                    closed = s.getInputStream().read() < 0;
                } catch (SocketTimeoutException e) {
                    // still open: drip on (each round waits the 100 ms timeout)
                } catch (IOException e) {
                    closed = true;   // reset by the server
                }
            }
            assertThat(closed).as("closed within 50 drips of 100 ms, at a 500 ms deadline").isTrue();
        }
    }

    @Test
    void aTakenPortMovesToTheNextFreeOne() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(SiteServer.loopback(), 0));
            int busy = taken.getLocalPort();
            try (SiteServer next = SiteServer.start(SITE, busy)) {
                assertThat(next.port()).isGreaterThan(busy).isLessThan(busy + SiteServer.TRIES);
                assertThat(new Answer(raw(next.port(), "GET / HTTP/1.0\r\n\r\n")).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void servesTheSiteTheJarHolds() throws IOException {
        Site real = Site.load();
        assertThat(real.names()).contains("index.html", "playground.js", "playground.css", "engine.js");
        try (SiteServer s = SiteServer.start(real, 0)) {
            Answer a = new Answer(raw(s.port(), "GET /engine.js HTTP/1.1\r\nHost: localhost\r\n\r\n"));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.header("content-type")).isEqualTo("text/javascript; charset=utf-8");
            assertThat(a.body()).isEqualTo(new String(real.file("engine.js"), StandardCharsets.UTF_8));
        }
    }

    /**
     * Closing the server the moment an answer has arrived, while its loop may still be finishing that connection, ends
     * the loop quietly: the loop's thread does not die of the key that closing cancelled (and print its stack trace).
     */
    @Test
    void closingRightAfterAnAnswerEndsTheLoopQuietly() throws Exception {
        List<Throwable> died = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> died.add(e));
        try {
            for (int i = 0; i < 200 && died.isEmpty(); i++) {
                SiteServer s = SiteServer.start(SITE, 0);
                assertThat(new Answer(raw(s.port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).status()).isEqualTo(200);
                s.close();
                s.join();
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(died).isEmpty();
    }

    private Answer request(String text) throws IOException {
        return new Answer(raw(server.port(), text));
    }

    private static String raw(int port, String text) throws IOException {
        try (Socket s = new Socket(SiteServer.loopback(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before a huge request is all sent: read its answer
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An HTTP answer split into status, headers (lower-case names) and body. */
    private record Answer(String text) {
        int status() {
            return Integer.parseInt(text.split(" ", 3)[1]);
        }

        String header(String name) {
            for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        String body() {
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }
}
