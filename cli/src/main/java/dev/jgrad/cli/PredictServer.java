package dev.jgrad.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code jgrad serve}'s HTTP server, on the JDK's own {@link HttpServer}: the routes, the limits and the
 * status of every refusal. What is answered lives in {@link ServeAnswers}; this class only sees that a
 * request may be answered at all.
 *
 * <p>Every limit is here, once. A request's head and body must arrive within the server's request time
 * ({@link #REQUEST_TIME} unless {@link #start} is given another), or its {@link RequestDeadline} closes the
 * connection; its answer must leave within {@link #RESPONSE_SECONDS}, or the JDK's timer closes it. So a slow
 * or dead client holds a worker for that long at most; idle keep-alive connections wait on the selector, not
 * on a worker, for {@link #IDLE_SECONDS}. The JDK reads its limits from system properties once, when its first
 * server starts: {@link #start} sets each one the JVM was not given ({@code -Dsun.net.httpserver.maxRspTime=…}
 * still overrides).
 */
final class PredictServer implements AutoCloseable {
    /** The largest request body read, in bytes; a larger one is answered 413 unread. */
    static final int MAX_BODY = 1 << 20;
    /** The most rows one request may carry (413 beyond). */
    static final int MAX_ROWS = 1000;
    /** Worker threads: requests answered at once. */
    static final int THREADS = 16;
    /** Requests waiting for a worker; beyond, a request is answered 503 by the {@link #BUSY} thread. */
    static final int QUEUE = 256;
    /** Requests waiting to be told 503; beyond even these, a new connection is closed unanswered. */
    static final int BUSY_QUEUE = 1024;
    /** The thread that answers 503 without reading the request, so that a full queue is said, not a dropped connection. */
    private static final String BUSY = "jgrad-serve-busy";
    /** Connections held at once (keep-alive ones too); beyond, a new one is closed at once. */
    static final int MAX_CONNECTIONS = 512;
    /** The time a request's head and body have to arrive, unless its server is given another. */
    static final Duration REQUEST_TIME = Duration.ofSeconds(10);
    /** Seconds a request's answer has to leave. */
    static final int RESPONSE_SECONDS = 10;
    /** Seconds an idle keep-alive connection is kept. */
    static final int IDLE_SECONDS = 30;
    /** Bytes of request head (line and headers) read. */
    static final int MAX_HEAD = 16 * 1024;
    /** How many ports after the asked one to try when it is taken. */
    static final int TRIES = 20;
    private static final int BACKLOG = 64;

    private final HttpServer http;
    private final ThreadPoolExecutor workers;
    private final RequestDeadline deadline;
    private final int threads, queue;
    private final ServeAnswers answers;
    private final boolean loopback;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    private PredictServer(HttpServer http, ThreadPoolExecutor workers, RequestDeadline deadline, int threads, int queue,
            ServeAnswers answers, boolean loopback) {
        this.http = http;
        this.workers = workers;
        this.deadline = deadline;
        this.threads = threads;
        this.queue = queue;
        this.answers = answers;
        this.loopback = loopback;
    }

    /** Serves {@code answers} on {@code host} at {@code port} (0: any free port), or the first free one of the {@link #TRIES} after it. */
    static PredictServer start(ServeAnswers answers, InetAddress host, int port) throws IOException {
        return start(answers, host, port, THREADS, QUEUE, REQUEST_TIME);
    }

    /**
     * As {@link #start(ServeAnswers, InetAddress, int)}, with {@code threads} workers, {@code queue} waiting requests,
     * and {@code requestTime} for a request's head and body to arrive.
     */
    static PredictServer start(ServeAnswers answers, InetAddress host, int port, int threads, int queue, Duration requestTime)
            throws IOException {
        limits();
        BindException last = null;
        for (int p = port, tries = 0; tries < (port == 0 ? 1 : TRIES) && p <= 65535; p++, tries++) {
            try {
                HttpServer http = HttpServer.create(new InetSocketAddress(host, p), BACKLOG);
                ThreadPoolExecutor workers = workers(threads, queue);
                RequestDeadline deadline = new RequestDeadline(requestTime);
                PredictServer server = new PredictServer(http, workers, deadline, threads, queue, answers, host.isLoopbackAddress());
                http.createContext("/", server::handle);
                http.setExecutor(exchange -> workers.execute(deadline.guard(exchange)));
                http.start();
                return server;
            } catch (BindException e) {
                last = e;
            }
        }
        throw new IOException("ports " + port + " to " + Math.min(65535, port + TRIES - 1) + " on " + host.getHostAddress()
                + " are all in use; give another with --port", last);
    }

    /** The JDK server's limits, as system properties it reads once; each one the JVM was given is kept. */
    private static void limits() {
        Map.of("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS,
                "sun.net.httpserver.idleInterval", IDLE_SECONDS, "jdk.httpserver.maxConnections", MAX_CONNECTIONS,
                "sun.net.httpserver.maxReqHeaderSize", MAX_HEAD, "sun.net.httpserver.nodelay", "true")
                .forEach((key, value) -> {
                    if (System.getProperty(key) == null) {
                        System.setProperty(key, String.valueOf(value));
                    }
                });
    }

    /**
     * {@code threads} workers behind a queue of {@code queue}; a request beyond them goes to one more thread that
     * answers 503 at once (beyond its own queue, the JDK closes the connection: the only case left unanswered).
     */
    private static ThreadPoolExecutor workers(int threads, int queue) {
        ThreadPoolExecutor busy = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(BUSY_QUEUE), r -> daemon(r, BUSY));
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue), r -> daemon(r, "jgrad-serve-" + n.incrementAndGet()),
                (task, pool) -> {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException("the server is stopping");
                    }
                    busy.execute(task);
                }) {
            @Override
            protected void terminated() {
                busy.shutdown();
            }
        };
        return workers;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    int port() {
        return http.getAddress().getPort();
    }

    InetAddress address() {
        return http.getAddress().getAddress();
    }

    URI uri() {
        String host = address().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** Requests being answered or waiting for a worker. */
    int taken() {
        return workers.getActiveCount() + workers.getQueue().size();
    }

    /** Blocks until the server is closed. */
    void join() throws InterruptedException {
        stopped.await();
    }

    /** Stops accepting, lets the requests being answered finish (a second at most), and ends the workers. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;   // Ctrl-C's hook and the command's own close: the first one stops it
        }
        http.stop(1);
        workers.shutdown();
        stopped.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ServeAnswers.Answer a;
            try {
                a = Thread.currentThread().getName().equals(BUSY) ? busy() : answer(exchange);
            } catch (RuntimeException e) {
                a = ServeAnswers.Answer.error(500, "internal error: " + e);
            }
            send(exchange, a);
        }
    }

    private ServeAnswers.Answer answer(HttpExchange exchange) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (loopback && host != null && !RequestHead.local(host, port())) {
            // A page whose name was rebound to 127.0.0.1 reaches this port with its own Host: not ours to answer.
            return ServeAnswers.Answer.error(421, "Host " + host + " is not this server's (a loopback name)");
        }
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        String allow = ServeAnswers.allowed(path);
        if (allow == null) {
            return ServeAnswers.Answer.error(404, "no " + path + " here; the server answers POST /predict, GET /model and GET /health");
        }
        if (!allow.equals(method)) {
            return ServeAnswers.Answer.error(405, method + " " + path + ": this path answers " + allow).header("Allow", allow);
        }
        if (!method.equals("POST")) {
            deadline.met();
            return answers.get(path);
        }
        String type = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!type.equals("application/json") && !type.equals("text/csv")) {
            return ServeAnswers.Answer.error(415, "Content-Type " + (type.isEmpty() ? "missing" : type)
                    + ": send application/json (an array of rows) or text/csv (a header and rows)");
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d+") && (length.length() > 9 || Long.parseLong(length) > MAX_BODY)) {
            return tooLarge();
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return tooLarge();
        }
        deadline.met();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return ServeAnswers.Answer.error(400, "the body is not UTF-8 text");
        }
        return answers.predict(text, type.equals("text/csv"));
    }

    /** The answer when every worker is taken and the queue is full: said at once, the request left unread. */
    private ServeAnswers.Answer busy() {
        return ServeAnswers.Answer.error(503, "the server is busy: " + threads + " requests are being answered and "
                + queue + " are waiting; try again").header("Retry-After", "1").header("Connection", "close");
    }

    private static ServeAnswers.Answer tooLarge() {
        // Closing after the answer: the rest of the body is never read.
        return ServeAnswers.Answer.error(413, "the body is larger than " + MAX_BODY + " bytes; send at most "
                + MAX_ROWS + " rows a request").header("Connection", "close");
    }

    /** The type of a Content-Type header without its parameters, in lower case; empty when absent. */
    static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static void send(HttpExchange exchange, ServeAnswers.Answer a) throws IOException {
        a.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(a.status(), body.length);
        exchange.getResponseBody().write(body);
    }
}
