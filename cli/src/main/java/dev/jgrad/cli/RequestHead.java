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
 * @param ifNoneMatch the If-None-Match field's value (several lines joined by commas, as RFC 9110 5.3 lets a
 *     recipient), or null without one
 */
record RequestHead(int status, String method, String target, String ifNoneMatch) {

    /** Reads {@code head} for a server listening on {@code port}. */
    static RequestHead parse(String head, int port) {
        String[] lines = head.split("\r?\n", -1);
        String[] line = lines[0].split(" ", -1);
        if (line.length != 3 || !(line[2].equals("HTTP/1.1") || line[2].equals("HTTP/1.0")) || line[0].isEmpty()) {
            return refused(400);
        }
        String host = null;
        String ifNoneMatch = null;
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
            } else if (lines[i].substring(0, colon).equalsIgnoreCase("If-None-Match")) {
                String v = lines[i].substring(colon + 1).strip();
                ifNoneMatch = ifNoneMatch == null ? v : ifNoneMatch + ", " + v;
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
        return new RequestHead(0, line[0], target, ifNoneMatch);
    }

    /**
     * Whether If-None-Match names {@code tag} (a quoted strong tag) or is {@code *}: then a GET or HEAD is
     * answered 304. The comparison is the weak one RFC 9110 13.1.2 asks for (a W/ prefix is ignored); a
     * malformed list matches nothing past the fault, so the file is sent whole: never a wrong 304.
     */
    boolean matches(String tag) {
        String list = ifNoneMatch;
        if (list == null || list.strip().equals("*")) {
            return list != null;
        }
        for (int i = skip(list, 0, true); i < list.length(); i = skip(list, i, true)) {
            int open = list.startsWith("W/", i) ? i + 2 : i;
            int close = open < list.length() && list.charAt(open) == '"' ? list.indexOf('"', open + 1) : -1;
            int next = close < 0 ? -1 : skip(list, close + 1, false);
            if (next < 0 || next < list.length() && list.charAt(next) != ',') {
                return false;   // not a quoted tag, or something after it before the comma
            }
            if (close + 1 - open == tag.length() && list.startsWith(tag, open)) {
                return true;
            }
            i = next;
        }
        return false;
    }

    /** The index of the first character at or after {@code i} that is not a blank (nor, if asked, a comma). */
    private static int skip(String s, int i, boolean commas) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || commas && s.charAt(i) == ',')) {
            i++;
        }
        return i;
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
        return new RequestHead(status, "", "", null);
    }
}
