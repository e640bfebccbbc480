package dev.jgrad.io;

import java.util.Arrays;

/**
 * A repeated numeric protobuf field as it is read: packed (one length-delimited run) or one number
 * a field, varints, floats or doubles, kept as doubles (int64 indices and dimensions are far below
 * 2⁵³). It never holds more than {@link OnnxFile#MAX_NUMBERS}, whatever the file repeats.
 */
final class Numbers {
    private double[] values = new double[8];
    private int size;

    /** One number of the current field, or all of its packed run; {@code type} is the number's wire type. */
    void read(ProtobufReader r, int type) {
        if (r.wireType() != ProtobufReader.LENGTH) {
            r.expect(type);
            add(one(r, type));
            return;
        }
        ProtobufReader packed = r.message();
        while (packed.position() < packed.end()) {
            add(one(packed, type));
        }
    }

    private static double one(ProtobufReader r, int type) {
        return switch (type) {
            case ProtobufReader.VARINT -> r.varint();
            case ProtobufReader.FIXED32 -> r.rawFixed32();
            default -> r.rawFixed64();
        };
    }

    void add(double v) {
        if (size == OnnxFile.MAX_NUMBERS) {
            throw new IllegalArgumentException("not a valid ONNX file: a field repeats more than " + OnnxFile.MAX_NUMBERS + " numbers");
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    long[] longs() {
        long[] l = new long[size];
        for (int k = 0; k < size; k++) {
            l[k] = (long) values[k];
        }
        return l;
    }

    /** The numbers of a tensor that claims {@code count}: refused when it brought another number of them. */
    double[] values(String name, long count) {
        if (size != count) {
            throw new IllegalArgumentException("not a valid ONNX file: tensor '" + name + "' claims " + count + " numbers but brings " + size);
        }
        return Arrays.copyOf(values, size);
    }
}
