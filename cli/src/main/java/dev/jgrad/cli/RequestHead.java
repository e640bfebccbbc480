package dev.jgrad.cli;

import java.util.Locale;

/**
 * A request's head (request line and headers, ISO-8859-1, lines ending in CR LF or a bare LF, as RFC 9112
 * lets a server accept) read into what {@link SiteServer} answers from: the method, the target's path and
 * whether the request may be answered here at all.
 *
 * <p>The Host check is what keeps a loopback-only server safe from DNS rebinding: a page on
 * {@code evil.example} whose name is made to point at 127.0.0.1 reaches this port, but its requests carry
 * {@code Host: evil.example} and are answered 421. So only the loopback names and the bound address pass.
 *
 * @param status 0 when the request may be served, else the error status to answer (400 or 421)
 * @param method the request's method
 * @param target the origin-form target ({@code /engine.js?v=1}); an absolute-form one is reduced to it
 */
record RequestHead(int status, String method, String target) {

    /** Reads {@code head} for a server listening on {@code port}. */
    static RequestHead parse(String head, int port) {
        String[] lines = head.split("\r?\n", -1);
        String[] line = lines[0].split(" ", -1);
        if (line.length != 3 || !(line[2].equals("HTTP/1.1") || line[2].equals("HTTP/1.0")) || line[0].isEmpty()) {
            return refused(400);
        }
        String host = null;
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0 || lines[i].charAt(0) == ' ' || lines[i].charAt(0) == '\t' || lines[i].substring(0, colon).contains(" ")) {
                return refused(400);   // no field name, obsolete line folding, or a blank before the colon
            }
            if (lines[i].substring(0, colon).equalsIgnoreCase("Host")) {
                if (host != null) {
                    return refused(400);
                }
                host = lines[i].substring(colon + 1).strip();
            }
        }
        if (host == null && line[2].equals("HTTP/1.1")) {
            return refused(400);   // RFC 9112, 3.2: an HTTP/1.1 request without Host is a bad request
        }
        String target = line[1];
        if (target.regionMatches(true, 0, "http://", 0, 7)) {
            // Absolute form (RFC 9112, 3.2.2): its authority stands in for Host.
            int slash = target.indexOf('/', 7);
            host = target.substring(7, slash < 0 ? target.length() : slash);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        if (host != null && !local(host, port)) {
            return refused(421);
        }
        return new RequestHead(0, line[0], target);
    }

    /** A loopback name or the bound address, with this server's port or none. */
    static boolean local(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && colon > h.lastIndexOf(']')) {
            if (!h.substring(colon + 1).equals(Integer.toString(port))) {
                return false;
            }
            h = h.substring(0, colon);
        }
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
    }

    private static RequestHead refused(int status) {
        return new RequestHead(status, "", "");
    }
}
