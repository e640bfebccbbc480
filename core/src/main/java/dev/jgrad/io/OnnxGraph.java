package dev.jgrad.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX graph being built node by node, in one element type (float64 or float32) for every
 * number it computes: each {@link #op} names its output {@code t1, t2, …} (or a name given, for the
 * graph's outputs), each constant becomes an initializer. Field numbers are onnx.proto's.
 */
final class OnnxGraph {
    static final int FLOAT = 1, BOOL = 9, INT64 = 7, DOUBLE = 11;
    private static final int ATTR_INT = 2, ATTR_INTS = 7;
    private final int elem;
    private final List<Protobuf> nodes = new ArrayList<>();
    private final List<Protobuf> initializers = new ArrayList<>();
    private int next;

    /** @param elem {@link #DOUBLE} or {@link #FLOAT}: the type of the input, the weights and the numbers out */
    OnnxGraph(int elem) {
        this.elem = elem;
    }

    int elem() {
        return elem;
    }

    /** A node of {@code type} on {@code inputs}; returns its output's name. */
    String op(String type, List<String> inputs, Protobuf... attributes) {
        return op(type, "t" + (++next), inputs, attributes);
    }

    /** A node whose output is called {@code output} (a graph output). */
    String op(String type, String output, List<String> inputs, Protobuf... attributes) {
        Protobuf node = new Protobuf();
        for (String in : inputs) {
            node.string(1, in);
        }
        node.string(2, output).string(3, type + "_" + nodes.size()).string(4, type);
        for (Protobuf a : attributes) {
            node.message(5, a);
        }
        nodes.add(node);
        return output;
    }

    /** A constant of the graph's element type and shape {@code dims}, as little-endian raw bytes. */
    String constant(String name, double[] values, long... dims) {
        boolean wide = elem == DOUBLE;
        ByteBuffer raw = ByteBuffer.allocate(values.length * (wide ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (wide) {
                raw.putDouble(v);
            } else {
                raw.putFloat((float) v);
            }
        }
        return initializer(name, elem, raw.array(), dims);
    }

    /** A one-dimensional int64 constant (indices, shapes). */
    String int64s(String name, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return initializer(name, INT64, raw.array(), values.length);
    }

    private String initializer(String name, int type, byte[] raw, long... dims) {
        Protobuf t = new Protobuf();
        for (long d : dims) {
            t.varint(1, d);
        }
        initializers.add(t.varint(2, type).string(8, name).bytes(9, raw));
        return name;
    }

    static Protobuf attribute(String name, long value) {
        return new Protobuf().string(1, name).varint(3, value).varint(20, ATTR_INT);
    }

    static Protobuf ints(String name, long... values) {
        Protobuf a = new Protobuf().string(1, name);
        for (long v : values) {
            a.varint(8, v);
        }
        return a.varint(20, ATTR_INTS);
    }

    /** A tensor's name, element type and shape; a dimension is a number or a symbol ("N"). */
    static Protobuf valueInfo(String name, int type, Object... dims) {
        Protobuf shape = new Protobuf();
        for (Object d : dims) {
            shape.message(1, d instanceof String symbol ? new Protobuf().string(2, symbol) : new Protobuf().varint(1, ((Number) d).longValue()));
        }
        Protobuf tensor = new Protobuf().varint(1, type).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensor));
    }

    /** The GraphProto: nodes, name, initializers, doc string, inputs and outputs. */
    Protobuf graph(String name, String doc, List<Protobuf> inputs, List<Protobuf> outputs) {
        Protobuf g = new Protobuf();
        nodes.forEach(n -> g.message(1, n));
        g.string(2, name);
        initializers.forEach(t -> g.message(5, t));
        g.string(10, doc);
        inputs.forEach(i -> g.message(11, i));
        outputs.forEach(o -> g.message(12, o));
        return g;
    }
}
