package dev.jgrad.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One protocol-buffers message being read field by field from a slice of a file's bytes, never past
 * the slice's end: every length is checked against the bytes left before anything is read or
 * allocated, a varint may not run off the end or past ten bytes, and a message nested more than
 * {@link #MAX_DEPTH} deep is refused, so hostile bytes cost at most the file they came in. The
 * writer's counterpart is {@link Protobuf}. Each problem is an {@link IllegalArgumentException}
 * naming the byte offset.
 */
final class ProtobufReader {
    /** ModelProto › GraphProto › NodeProto › AttributeProto › TensorProto is five; subgraphs add two a level. */
    static final int MAX_DEPTH = 12;
    static final int VARINT = 0, FIXED64 = 1, LENGTH = 2, FIXED32 = 5;
    private final byte[] bytes;
    private final int end;
    private final int depth;
    private int pos;
    private int field;
    private int wireType;

    ProtobufReader(byte[] bytes) {
        this(bytes, 0, bytes.length, 0);
    }

    private ProtobufReader(byte[] bytes, int start, int end, int depth) {
        this.bytes = bytes;
        this.pos = start;
        this.end = end;
        this.depth = depth;
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() {
        if (pos >= end) {
            return false;
        }
        int at = pos;
        long tag = varint();
        if (tag >>> 3 == 0 || tag >>> 3 > 0x1FFFFFFF) {
            throw bad(at, "field number " + (tag >>> 3));
        }
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH && wireType != FIXED32) {
            throw bad(at, "wire type " + wireType + " of field " + field);
        }
        return true;
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    /** An unsigned base-128 varint: at most ten bytes, all of them inside the message. */
    long varint() {
        int at = pos;
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (pos >= end) {
                throw bad(at, "truncated varint");
            }
            byte b = bytes[pos++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw bad(at, "varint longer than ten bytes");
    }

    /** The current varint field, checked to be one. */
    long int64() {
        expect(VARINT);
        return varint();
    }

    float fixed32() {
        expect(FIXED32);
        return rawFixed32();
    }

    /** A float with no tag before it (in a packed run). */
    float rawFixed32() {
        return Float.intBitsToFloat((int) little(4));
    }

    /** A double with no tag before it (in a packed run). */
    double rawFixed64() {
        return Double.longBitsToDouble(little(8));
    }

    String string() {
        int n = length();
        String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** The current length-delimited field as little-endian bytes, a view (no copy). */
    ByteBuffer view() {
        int n = length();
        ByteBuffer b = ByteBuffer.wrap(bytes, pos, n).slice().order(ByteOrder.LITTLE_ENDIAN);
        pos += n;
        return b;
    }

    /** The current field as a nested message one level deeper. */
    ProtobufReader message() {
        int at = pos;
        int n = length();
        if (depth + 1 > MAX_DEPTH) {
            throw bad(at, "messages nested more than " + MAX_DEPTH + " deep");
        }
        ProtobufReader inner = new ProtobufReader(bytes, pos, pos + n, depth + 1);
        pos += n;
        return inner;
    }

    /** Passes over the current field, whatever it holds. */
    void skip() {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> little(8);
            case FIXED32 -> little(4);
            default -> {
                int n = length();
                pos += n;
            }
        }
    }

    /** The byte offset in the file, for messages. */
    int position() {
        return pos;
    }

    /** Where this message ends. */
    int end() {
        return end;
    }

    private int length() {
        expect(LENGTH);
        int at = pos;
        long n = varint();
        if (n < 0 || n > end - pos) {
            throw bad(at, "length " + n + " past the end of its message (" + (end - pos) + " bytes left)");
        }
        return (int) n;
    }

    private long little(int n) {
        if (end - pos < n) {
            throw bad(pos, "truncated " + (n * 8) + "-bit number");
        }
        long v = 0;
        for (int b = 0; b < n; b++) {
            v |= (bytes[pos + b] & 0xFFL) << (8 * b);
        }
        pos += n;
        return v;
    }

    void expect(int type) {
        if (wireType != type) {
            throw bad(pos, "field " + field + " has wire type " + wireType + ", expected " + type);
        }
    }

    static IllegalArgumentException bad(int at, String what) {
        return new IllegalArgumentException("not a valid ONNX file: " + what + " at byte " + at);
    }
}
