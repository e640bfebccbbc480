package dev.jgrad.app;

import dev.jgrad.app.Expression.Binary;
import dev.jgrad.app.Expression.Node;
import dev.jgrad.app.Expression.Number;
import dev.jgrad.app.Expression.Unary;
import dev.jgrad.app.Expression.Variable;
import dev.jgrad.io.Decimal;

/** Recursive descent over the characters of an {@link Expression}; one method per precedence level. */
final class ExpressionParser {
    /**
     * How deeply parentheses, function calls, signs and exponents may nest. The parser recurses once
     * per level (a flat a + b + … of any length does not), and this keeps it far from the stack's end.
     */
    static final int MAX_NESTING = 200;

    private final String text;
    private int pos;
    private int depth;

    ExpressionParser(String text) {
        this.text = text;
    }

    Node parse() {
        skipSpace();
        if (pos == text.length()) {
            throw error("the expression is empty", pos);
        }
        Node node = sum();
        if (pos < text.length()) {
            throw error("unexpected " + describe(pos) + (text.charAt(pos) == ')' ? " (no '(' to close)" : ""), pos);
        }
        return node;
    }

    private Node sum() {
        Node node = product();
        for (char c = peek(); c == '+' || c == '-'; c = peek()) {
            pos++;
            node = new Binary(c, node, product());
        }
        return node;
    }

    private Node product() {
        Node node = unary();
        for (char c = peek(); (c == '*' && !at("**")) || c == '/'; c = peek()) {
            pos++;
            node = new Binary(c, node, unary());
        }
        return node;
    }

    private Node unary() {
        if (++depth > MAX_NESTING) {
            throw error("the expression nests more than " + MAX_NESTING + " levels deep", pos);
        }
        try {
            return signed();
        } finally {
            depth--;
        }
    }

    private Node signed() {
        if (peek() == '-') {
            pos++;
            Node operand = unary();
            // -3 is the number −3, one leaf, not 3·(−1).
            return operand instanceof Number n ? new Number(-n.value()) : new Unary("-", operand);
        }
        if (peek() == '+') {
            pos++;
            return unary();
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        if (at("**") || peek() == '^') {
            pos += text.charAt(pos) == '^' ? 1 : 2;
            return new Binary('^', base, unary());
        }
        return base;
    }

    private Node primary() {
        char c = peek();
        int start = pos;
        if (c == '(') {
            pos++;
            Node inner = sum();
            expect(')', start);
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            if (peek() == '(') {
                if (!Expression.FUNCTIONS.contains(name)) {
                    throw error("unknown function '" + name + "'; known: " + String.join(", ", Expression.FUNCTIONS), start);
                }
                int open = pos++;
                Node argument = sum();
                expect(')', open);
                return new Unary(name, argument);
            }
            return new Variable(name);
        }
        throw error("expected a number, a variable, a function or '(' but found " + describe(pos), pos);
    }

    private Node number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos == text.length() || !Character.isDigit(text.charAt(pos))) {
                pos = mark;   // "2e" is 2 followed by the variable e: let the caller complain
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        String literal = text.substring(start, pos);
        try {
            return new Number(Decimal.parse(literal));
        } catch (NumberFormatException e) {
            throw error("'" + literal + "' is not a number", start);
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void expect(char c, int opened) {
        if (peek() != c) {
            throw error("expected '" + c + "' to close the '(' at column " + (opened + 1) + " but found "
                    + describe(pos), pos);
        }
        pos++;
    }

    /** The next non-space character, or 0 at the end; leaves {@link #pos} on it. */
    private char peek() {
        skipSpace();
        if (pos == text.length()) {
            return 0;
        }
        char c = text.charAt(pos);
        return c == '\u2212' ? '-' : c;   // the typographic minus, as pasted from a document
    }

    private boolean at(String s) {
        skipSpace();
        return text.startsWith(s, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String describe(int at) {
        return at >= text.length() ? "the end of the expression" : "'" + text.charAt(at) + "'";
    }

    private ExpressionException error(String message, int at) {
        return new ExpressionException(message + " in \"" + text + "\"", at + 1);
    }
}
