package dev.jgrad.cli;

import dev.jgrad.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A test's client of {@code jgrad serve}: requests through the JDK's HttpClient, or raw bytes on a socket. */
final class ServeClient {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();

    ServeClient(URI base) {
        this.base = base;
    }

    record Answer(int status, String body, HttpResponse<String> response) {
        /** The body as JSON. */
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) Json.parse(body);
        }

        String error() {
            return String.valueOf(json().get("error"));
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(WAIT).GET().build());
    }

    Answer post(String path, String type, String body) throws IOException, InterruptedException {
        return post(path, type, HttpRequest.BodyPublishers.ofString(body));
    }

    Answer post(String path, String type, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(WAIT).POST(body);
        if (type != null) {
            b.header("Content-Type", type);
        }
        return send(b.build());
    }

    Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r);
    }

    /** Raw bytes to the server, and everything it answers until it closes the connection. */
    static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), (int) WAIT.toMillis());
            s.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
