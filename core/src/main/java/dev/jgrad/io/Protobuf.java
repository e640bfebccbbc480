package dev.jgrad.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One protocol-buffers message being written, field by field, in the wire format (varints and
 * length-delimited bytes): the few ONNX messages need nothing more, so no protobuf library comes in.
 * A nested message is written into its own {@code Protobuf} first, then embedded by {@link #message}.
 */
final class Protobuf {
    private static final int VARINT = 0, LENGTH = 2, FIXED32 = 5;
    private byte[] bytes = new byte[64];
    private int size;

    /** An int32, int64 or enum field. A negative number is its 64-bit two's complement: ten bytes. */
    Protobuf varint(int field, long value) {
        tag(field, VARINT);
        raw(value);
        return this;
    }

    /** A float field (4 little-endian bytes). */
    Protobuf fixed32(int field, float value) {
        tag(field, FIXED32);
        int v = Float.floatToRawIntBits(value);
        for (int b = 0; b < 4; b++) {
            put((byte) (v >>> (8 * b)));
        }
        return this;
    }

    Protobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf bytes(int field, byte[] value) {
        tag(field, LENGTH);
        raw(value.length);
        for (byte b : value) {
            put(b);
        }
        return this;
    }

    Protobuf message(int field, Protobuf inner) {
        return bytes(field, inner.toBytes());
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    private void tag(int field, int wireType) {
        raw((long) field << 3 | wireType);
    }

    /** An unsigned base-128 varint: seven bits a byte, low bits first, the top bit saying more follow. */
    private void raw(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        put((byte) v);
    }

    private void put(byte b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = b;
    }
}
