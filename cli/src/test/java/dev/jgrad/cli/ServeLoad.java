package dev.jgrad.cli;

import dev.jgrad.base.Rng;
import dev.jgrad.io.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * A small load generator for {@code jgrad serve} on loopback, bounded in count and in time: for 1-row and
 * 100-row bodies (rows drawn from a seeded {@link Rng}, in the columns {@code GET /model} names), {@code
 * clients} threads each send requests one after another until {@code requests} are answered or
 * {@code seconds} have passed, then it prints requests per second and the 50th and 99th percentile latency.
 *
 * <pre>
 * java -cp cli/target/jgrad.jar:cli/target/test-classes dev.jgrad.cli.ServeLoad http://127.0.0.1:8422/ 2000 30 4
 * </pre>
 */
final class ServeLoad {
    /** What one run measured. */
    record Result(int rows, int requests, int failed, double perSecond, double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%3d rows/request: %6d requests (%d failed), %8.1f requests/s, p50 %.2f ms, p99 %.2f ms",
                    rows, requests, failed, perSecond, p50Millis, p99Millis);
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> columns;

    ServeLoad(URI base) throws Exception {
        this.base = base;
        HttpResponse<String> model = http.send(HttpRequest.newBuilder(base.resolve("/model")).build(), HttpResponse.BodyHandlers.ofString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> inputs = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(model.body())).get("inputs");
        columns = inputs.stream().map(m -> (String) m.get("name")).toList();
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int requests = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        ServeLoad load = new ServeLoad(base);
        load.run(1, Math.min(200, requests), 10, clients);   // warm-up: the JIT, the connections
        for (int rows : new int[] {1, 100}) {
            System.out.println(load.run(rows, requests, seconds, clients));
        }
    }

    /** {@code requests} bodies of {@code rows} rows sent by {@code clients} threads, stopping at {@code seconds}. */
    Result run(int rows, int requests, int seconds, int clients) throws Exception {
        Rng rng = new Rng(rows);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            bodies.add(body(rng, rows));
        }
        long[] latency = new long[requests];
        int[] failed = new int[1];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < requests && System.nanoTime() < deadline; ) {
                        HttpRequest r = HttpRequest.newBuilder(base.resolve("/predict")).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                        long t0 = System.nanoTime();
                        int status = http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
                        latency[i] = System.nanoTime() - t0;
                        if (status != 200) {
                            synchronized (failed) {
                                failed[0]++;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int n = Math.min(next.get(), requests);
        long[] sorted = Arrays.stream(latency, 0, n).filter(l -> l > 0).sorted().toArray();
        return new Result(rows, sorted.length, failed[0], sorted.length / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** A JSON array of {@code rows} rows, objects keyed by the model's column names, numbers in [-2, 2). */
    private String body(Rng rng, int rows) {
        List<String> all = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            all.add(columns.stream().map(c -> "\"" + c + "\": " + rng.nextDouble(-2, 2)).collect(Collectors.joining(", ", "{", "}")));
        }
        return all.stream().collect(Collectors.joining(", ", "[", "]"));
    }
}
