package dev.jgrad.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Map;

/**
 * A writer that spells jgrad's mathematical signs in ASCII (→ as {@code ->}, × as {@code x}, ≥ as
 * {@code >=}) when the terminal's charset cannot show them, as under the C locale: there the JVM
 * would print each as "?", and "2 ? 16 relu ? 1" says nothing. Where the charset can encode a sign
 * it passes unchanged.
 */
final class PlainText extends FilterWriter {
    private static final Map<Character, String> ASCII = Map.ofEntries(
            Map.entry('→', "->"), Map.entry('←', "<-"), Map.entry('·', "*"), Map.entry('×', "x"),
            Map.entry('−', "-"), Map.entry('≥', ">="), Map.entry('≤', "<="), Map.entry('…', "..."),
            Map.entry('√', "sqrt"), Map.entry('²', "^2"), Map.entry('³', "^3"), Map.entry('±', "+/-"),
            Map.entry('Σ', "sum "), Map.entry('π', "pi"), Map.entry('ε', "eps"), Map.entry('β', "beta"),
            Map.entry('α', "alpha"), Map.entry('—', "-"), Map.entry('–', "-"), Map.entry('’', "'"),
            Map.entry('“', "\""), Map.entry('”', "\""), Map.entry('≈', "~"));

    private final CharsetEncoder encoder;

    PlainText(Writer out, Charset charset) {
        super(out);
        this.encoder = charset.newEncoder();
    }

    /** The charset the JVM writes standard output in: the console's, else the platform default. */
    static Charset console() {
        String name = System.getProperty("sun.stdout.encoding");
        return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    }

    /** {@code text} as this writer would write it. */
    String spell(CharSequence text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String ascii = c < 128 || encoder.canEncode(c) ? null : ASCII.get(c);
            if (ascii == null) {
                b.append(c);
            } else {
                b.append(ascii);
            }
        }
        return b.toString();
    }

    @Override
    public void write(int c) throws IOException {
        out.write(spell(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        out.write(spell(new String(chars, off, len)));
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        out.write(spell(s.substring(off, off + len)));
    }
}
