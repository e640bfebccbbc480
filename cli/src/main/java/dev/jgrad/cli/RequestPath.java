package dev.jgrad.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request target ({@code /engine.js?v=1}) turned into the name of a site file ({@code engine.js}).
 * The site is a map of exact names, so a path outside it could only ever be a 404; this refuses the
 * tricks outright anyway (a bad request says more than a missing file, and a future server reading
 * from disk would stay safe): {@code ..} and {@code .} segments however escaped, backslashes, control
 * characters, malformed escapes and anything but an origin-form path.
 */
final class RequestPath {
    private RequestPath() {
    }

    /** The site file's name; {@code /} is {@code index.html}. Throws IllegalArgumentException for a refused target. */
    static String name(String target) {
        if (!target.startsWith("/") || target.startsWith("//")) {
            throw new IllegalArgumentException("not a path on this server: " + target);
        }
        int end = target.length();
        for (char stop : new char[] {'?', '#'}) {
            int i = target.indexOf(stop);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        String path = decode(target.substring(1, end));
        if (path.isEmpty()) {
            return "index.html";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("a dot segment: " + target);
            }
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f || c == ':') {
                throw new IllegalArgumentException("a backslash, control character or drive: " + target);
            }
        }
        return path;
    }

    /** Percent-decoding as UTF-8, strictly: a bad escape or invalid UTF-8 is refused, never guessed. */
    private static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("a cut-off escape: " + s);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("a bad escape: " + s);
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7e) {
                throw new IllegalArgumentException("an unescaped character: " + s);
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8: " + s, e);
        }
    }
}
