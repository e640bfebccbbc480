package dev.jgrad.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * A static HTTP/1.1 server for the playground's {@link Site} on 127.0.0.1 only, so nothing beyond this
 * machine can reach it. A plain socket rather than the JDK's HttpServer, whose header limits and error
 * answers cannot be set: here every request gets one of a few answers, and the connection closes.
 * <ul>
 *   <li>GET or HEAD of a site file: 200 with its type, {@code Cache-Control: no-cache} (a rebuilt jar's
 *     page is never stale) and a policy that lets the page fetch nothing from elsewhere;</li>
 *   <li>any other method: 405 with {@code Allow: GET, HEAD};</li>
 *   <li>a request head over {@link #MAX_HEAD} bytes: 431; a malformed request, a bad escape, a backslash
 *     or a {@code ..} segment: 400; anything the site lacks (a folder too: no listings): 404.</li>
 * </ul>
 */
final class SiteServer implements AutoCloseable {
    /** Request line and headers together: a browser's are well under 8 KiB. */
    static final int MAX_HEAD = 16 * 1024;
    /** How many ports after the asked one to try when it is taken. */
    static final int TRIES = 20;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'";

    private final Site site;
    private final ServerSocket socket;
    private final ExecutorService workers;
    private final Thread acceptor;

    private SiteServer(Site site, ServerSocket socket) {
        this.site = site;
        this.socket = socket;
        this.workers = Executors.newFixedThreadPool(4, r -> daemon(r, "jgrad-playground-request"));
        this.acceptor = daemon(this::accept, "jgrad-playground");
        acceptor.start();
    }

    /**
     * Serves {@code site} on 127.0.0.1 at {@code port} (0: any free port), or at the first free one of the
     * {@link #TRIES} after it.
     */
    static SiteServer start(Site site, int port) throws IOException {
        BindException last = null;
        for (int p = port, tries = 0; tries < (port == 0 ? 1 : TRIES) && p <= 65535; p++, tries++) {
            ServerSocket s = new ServerSocket();
            try {
                s.bind(new InetSocketAddress(loopback(), p));
                return new SiteServer(site, s);
            } catch (BindException e) {
                s.close();
                last = e;
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
        return socket.getInetAddress();
    }

    int port() {
        return socket.getLocalPort();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Blocks until the server is closed (Ctrl-C ends the JVM, and with it this). */
    void join() throws InterruptedException {
        acceptor.join();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        workers.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                try {
                    workers.execute(() -> serve(s));
                } catch (RejectedExecutionException e) {
                    s.close();   // closing down
                }
            } catch (IOException e) {
                // closed: the loop ends; anything else lost one connection, and the next accept goes on
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(READ_TIMEOUT_MS);
            InputStream in = s.getInputStream();
            Response r = respond(in);
            r.writeTo(s.getOutputStream());
            // Closing on unread bytes (the rest of a refused request) would reset the connection and could
            // lose the answer before the browser reads it: finish sending, then drop what has arrived.
            s.shutdownOutput();
            for (long dropped = 0; in.available() > 0 && dropped < 1 << 20; ) {
                dropped += in.skip(in.available());
            }
        } catch (IOException e) {
            // the browser went away or stalled: nothing to answer
        }
    }

    private Response respond(InputStream in) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return Response.error(431, "Request Header Fields Too Large");
        }
        String[] line = head.substring(0, head.indexOf("\r\n")).split(" ", -1);
        if (line.length != 3 || !line[2].startsWith("HTTP/1.")) {
            return Response.error(400, "Bad Request");
        }
        boolean headOnly = line[0].equals("HEAD");
        if (!headOnly && !line[0].equals("GET")) {
            return Response.error(405, "Method Not Allowed").header("Allow", "GET, HEAD");
        }
        String name;
        try {
            name = RequestPath.name(line[1]);
        } catch (IllegalArgumentException e) {
            return Response.error(400, "Bad Request");
        }
        byte[] body = site.file(name);
        if (body == null) {
            return Response.error(404, "Not Found");
        }
        return new Response(200, "OK", Site.contentType(name), body, headOnly)
                .header("Content-Security-Policy", POLICY);
    }

    /** Reads up to the blank line that ends the head; null when it is longer than {@link #MAX_HEAD}. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;   // how much of CR LF CR LF the last bytes were
        while (head.size() <= MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                throw new SocketException("the request ended before its headers did");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One answer: status, the few headers every answer carries, and the body unless HEAD asked. */
    private static final class Response {
        private final StringBuilder head = new StringBuilder();
        private final byte[] body;
        private final boolean headOnly;

        Response(int status, String reason, String type, byte[] body, boolean headOnly) {
            this.body = body;
            this.headOnly = headOnly;
            head.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
            header("Content-Type", type).header("Content-Length", Integer.toString(body.length))
                    .header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff")
                    .header("Connection", "close");
        }

        static Response error(int status, String reason) {
            return new Response(status, reason, "text/plain; charset=utf-8",
                    (status + " " + reason + "\n").getBytes(StandardCharsets.UTF_8), false);
        }

        Response header(String name, String value) {
            head.append(name).append(": ").append(value).append("\r\n");
            return this;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (!headOnly) {
                out.write(body);
            }
            out.flush();
        }
    }
}
