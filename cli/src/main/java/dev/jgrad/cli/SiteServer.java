package dev.jgrad.cli;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;

/**
 * A static HTTP/1.1 server for the playground's {@link Site} on 127.0.0.1 only, so nothing beyond this
 * machine can reach it. A plain socket rather than the JDK's HttpServer, whose header limits and error
 * answers cannot be set: here every request gets one of a few answers, and the connection closes.
 * <ul>
 *   <li>GET or HEAD of a site file: 200 with its type, its {@link Site#tag strong ETag},
 *     {@code Cache-Control: no-cache} (the browser asks again each time, so a rebuilt jar's page is never stale)
 *     and a policy that lets the page fetch nothing from elsewhere nor be framed;</li>
 *   <li>the same with an If-None-Match that names the file's tag (or {@code *}): 304 with those headers and no body,
 *     so a reload costs a few hundred bytes per file, and Chromium keeps the code it compiled from engine.js;</li>
 *   <li>any other method: 405 with {@code Allow: GET, HEAD};</li>
 *   <li>a Host that is not a loopback name or the bound address: 421 ({@link RequestHead});</li>
 *   <li>a request head over {@link #MAX_HEAD} bytes: 431; a malformed request (an HTTP/1.1 one without
 *     Host too), a bad escape, a backslash or a {@code ..} segment: 400; anything the site lacks (a folder
 *     too: no listings): 404. An answer to HEAD never has a body, an error neither ETag nor validator.</li>
 * </ul>
 *
 * <p>One thread serves every connection without blocking on any (a selector): a client that sends nothing,
 * or a byte now and then, holds no thread, and its whole request head has {@link #HEAD_TIME} to arrive. At
 * most {@link #MAX_CONNECTIONS} are held; a new one beyond that closes the oldest. The answers are the
 * site's bytes, in memory, so answering needs no other thread either.
 */
final class SiteServer implements AutoCloseable {
    /** Request line and headers together: a browser's are well under 8 KiB. */
    static final int MAX_HEAD = 16 * 1024;
    /** How many ports after the asked one to try when it is taken. */
    static final int TRIES = 20;
    /** Connections held at once; beyond, the oldest goes, so idle sockets cannot shut a browser out. */
    static final int MAX_CONNECTIONS = 512;
    /** The time a request's whole head has to arrive, from the connection's start. */
    static final Duration HEAD_TIME = Duration.ofSeconds(10);
    /** The time an answer has to be sent, and after it, to drain what the client still sends. */
    private static final long SEND_MS = 30_000, LINGER_MS = 1_000;
    /** Connections waiting to be accepted (the listen backlog). */
    private static final int BACKLOG = 64;
    private static final String POLICY =
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    private final Site site;
    private final ServerSocketChannel socket;
    private final Selector selector;
    private final long headMillis;
    private final Deque<Connection> open = new ArrayDeque<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private final Thread loop;
    /** Set by {@link #close}: the loop ends at its next turn. */
    private volatile boolean closing;

    private SiteServer(Site site, ServerSocketChannel socket, Duration headTime) throws IOException {
        this.site = site;
        this.socket = socket;
        this.headMillis = headTime.toMillis();
        this.selector = Selector.open();
        socket.configureBlocking(false);
        socket.register(selector, SelectionKey.OP_ACCEPT);
        this.loop = new Thread(this::run, "jgrad-playground");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Serves {@code site} on 127.0.0.1 at {@code port} (0: any free port), or at the first free one of the
     * {@link #TRIES} after it.
     */
    static SiteServer start(Site site, int port) throws IOException {
        return start(site, port, HEAD_TIME);
    }

    /** As {@link #start(Site, int)}, with another time for a request's head (the tests' short one). */
    static SiteServer start(Site site, int port, Duration headTime) throws IOException {
        BindException last = null;
        for (int p = port, tries = 0; tries < (port == 0 ? 1 : TRIES) && p <= 65535; p++, tries++) {
            ServerSocketChannel s = ServerSocketChannel.open();
            try {
                s.bind(new InetSocketAddress(loopback(), p), BACKLOG);
                return new SiteServer(site, s, headTime);
            } catch (BindException e) {
                s.close();
                last = e;
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
        }
        throw new IOException("ports " + port + " to " + Math.min(65535, port + TRIES - 1)
                + " on 127.0.0.1 are all in use; give another with --port", last);
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an address", e);
        }
    }

    InetAddress address() {
        return socket.socket().getInetAddress();
    }

    int port() {
        return socket.socket().getLocalPort();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Blocks until the server is closed (Ctrl-C ends the JVM, and with it this). */
    void join() throws InterruptedException {
        loop.join();
    }

    /**
     * Ends the loop and returns once it has closed every connection, the port and the selector. The loop closes them
     * itself: closed from another thread, the selector cancels a key the loop is using or changes the selected set it is
     * walking, and the loop's thread dies of it.
     */
    @Override
    public void close() throws IOException {
        closing = true;
        selector.wakeup();
        if (Thread.currentThread() != loop) {
            try {
                loop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (!closing) {
                selector.select(Math.max(1, Math.min(250, headMillis / 4)));
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                expire(System.currentTimeMillis());
            }
        } catch (IOException e) {
            // the selector failed: the loop ends
        } finally {
            for (Connection c : open) {
                c.close();
            }
            quietly(socket);
            quietly(selector);
        }
    }

    private static void quietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing: nothing more to do with it
        }
    }

    private void handle(SelectionKey key) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            for (SocketChannel c; (c = socket.accept()) != null; ) {
                c.configureBlocking(false);
                Connection connection = new Connection(c, System.currentTimeMillis() + headMillis);
                c.register(selector, SelectionKey.OP_READ, connection);
                open.addLast(connection);
                while (open.size() > MAX_CONNECTIONS) {
                    open.removeFirst().close();
                }
            }
            return;
        }
        Connection c = (Connection) key.attachment();
        try {
            if (key.isReadable()) {
                read(c, key);
            } else if (key.isWritable()) {
                write(c, key);
            }
        } catch (IOException e) {
            c.close();   // the client went away: nothing to answer
        }
    }

    private void read(Connection c, SelectionKey key) throws IOException {
        buffer.clear();
        int n = c.channel.read(buffer);
        if (n < 0) {
            c.close();
            return;
        }
        if (c.answer != null) {
            return;   // draining what a refused request still sends, so closing does not reset the answer
        }
        int from = Math.max(0, c.length - 2);
        c.append(buffer.array(), n);
        int end = headEnd(c.head, from, c.length);
        if (end < 0 && c.length <= MAX_HEAD) {
            return;
        }
        Response r = end < 0 || end > MAX_HEAD ? Response.error(431, "Request Header Fields Too Large")
                : respond(new String(c.head, 0, end, StandardCharsets.ISO_8859_1));
        c.answer = ByteBuffer.wrap(r.bytes());
        c.deadline = System.currentTimeMillis() + SEND_MS;
        key.interestOps(SelectionKey.OP_WRITE);
        write(c, key);
    }

    private void write(Connection c, SelectionKey key) throws IOException {
        c.channel.write(c.answer);
        if (!c.answer.hasRemaining()) {
            c.channel.shutdownOutput();
            c.deadline = System.currentTimeMillis() + LINGER_MS;
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** Closes the connections past their deadline; they are in the order of their start. */
    private void expire(long now) {
        for (Iterator<Connection> i = open.iterator(); i.hasNext(); ) {
            Connection c = i.next();
            if (!c.channel.isOpen() || now >= c.deadline) {
                c.close();
                i.remove();
            }
        }
    }

    /**
     * Where the blank line that ends the head starts (the head's length without it), looking from {@code from}
     * on, or -1 before it has come: LF LF or LF CR LF, so bare-LF requests end too.
     */
    static int headEnd(byte[] b, int from, int length) {
        for (int i = from; i < length; i++) {
            if (b[i] == '\n' && (i + 1 < length && b[i + 1] == '\n' || i + 2 < length && b[i + 1] == '\r' && b[i + 2] == '\n')) {
                return i + 1;
            }
        }
        return -1;
    }

    private Response respond(String head) {
        RequestHead r = RequestHead.parse(head, port());
        if (r.status() == 400) {
            return Response.error(400, "Bad Request");
        }
        if (r.status() == 421) {
            return Response.error(421, "Misdirected Request");
        }
        boolean headOnly = r.method().equals("HEAD");
        if (!headOnly && !r.method().equals("GET")) {
            return Response.error(405, "Method Not Allowed").header("Allow", "GET, HEAD");
        }
        String name;
        try {
            name = RequestPath.name(r.target());
        } catch (IllegalArgumentException e) {
            return Response.error(400, "Bad Request").headOnly(headOnly);
        }
        byte[] body = site.file(name);
        if (body == null) {
            return Response.error(404, "Not Found").headOnly(headOnly);
        }
        String tag = site.tag(name);
        Response ok = r.matches(tag) ? new Response(304, "Not Modified", null, new byte[0])
                : new Response(200, "OK", Site.contentType(name), body).headOnly(headOnly);
        // A 304 carries the headers the 200 would (RFC 9110 15.4.5): the browser keeps its copy's with them.
        return ok.header("ETag", tag).header("Content-Security-Policy", POLICY).header("X-Frame-Options", "DENY");
    }

    /** One client: its head so far, then its answer; closed at its deadline whatever it is doing. */
    private static final class Connection {
        final SocketChannel channel;
        byte[] head = new byte[1024];
        int length;
        ByteBuffer answer;
        long deadline;

        Connection(SocketChannel channel, long deadline) {
            this.channel = channel;
            this.deadline = deadline;
        }

        /** Keeps up to one buffer's worth past {@link #MAX_HEAD}: enough to know the head is too long. */
        void append(byte[] bytes, int n) {
            if (length + n > head.length) {
                head = Arrays.copyOf(head, Math.max(length + n, Math.min(2 * head.length, MAX_HEAD + bytes.length)));
            }
            System.arraycopy(bytes, 0, head, length, n);
            length += n;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /**
     * One answer: status, the few headers every answer carries, and the body unless HEAD asked (a 304 has
     * neither body nor type nor length: the browser's copy has them).
     */
    private static final class Response {
        private final StringBuilder head = new StringBuilder();
        private final byte[] body;
        private boolean headOnly;

        Response(int status, String reason, String type, byte[] body) {
            this.body = body;
            head.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
            if (status != 304) {
                header("Content-Type", type).header("Content-Length", Integer.toString(body.length));
            }
            header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff").header("Connection", "close");
        }

        /** An error with a one-line text body: no ETag, so no browser keeps it to revalidate. */
        static Response error(int status, String reason) {
            return new Response(status, reason, "text/plain; charset=utf-8",
                    (status + " " + reason + "\n").getBytes(StandardCharsets.UTF_8));
        }

        /** For HEAD: the same headers, Content-Length the body's, and no body. */
        Response headOnly(boolean yes) {
            headOnly = yes;
            return this;
        }

        Response header(String name, String value) {
            head.append(name).append(": ").append(value).append("\r\n");
            return this;
        }

        byte[] bytes() {
            byte[] h = (head + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = Arrays.copyOf(h, h.length + (headOnly ? 0 : body.length));
            if (!headOnly) {
                System.arraycopy(body, 0, all, h.length, body.length);
            }
            return all;
        }
    }
}
