package dev.jgrad.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few ONNX messages an MLP is made of, read from a file's bytes with {@link ProtobufReader}:
 * the model's producer, doc string and metadata, its graph's nodes, initializers, inputs and
 * outputs. Field numbers are onnx.proto's (as {@link OnnxGraph} writes them). Tensors hold float,
 * double or int64 numbers from {@code raw_data} or the typed fields, at most {@link #MAX_NUMBERS}
 * in a file: the count a tensor claims is checked against that and against the bytes it brought
 * before any array is made. Fields it does not need are skipped unread.
 */
final class OnnxFile {
    /** A larger MLP than any jgrad trains (its JSON would be hundreds of megabytes). */
    static final long MAX_NUMBERS = 1 << 24;
    static final int FLOAT = 1, INT64 = 7, DOUBLE = 11;

    record Model(String producer, String producerVersion, String doc, Map<String, String> metadata, Graph graph) {
    }

    record Graph(List<Node> nodes, Map<String, Tensor> initializers, List<Value> inputs, List<Value> outputs) {
    }

    record Node(String name, String op, String domain, List<String> inputs, List<String> outputs, Map<String, Attribute> attributes) {
        /** How refusals name it: its name, or its first output when unnamed. */
        String label() {
            return "'" + (name.isEmpty() && !outputs.isEmpty() ? outputs.get(0) : name) + "' (" + op + ")";
        }
    }

    /** An attribute's int, float, ints or tensor (whichever it carries; a subgraph is read to be bounded, then dropped). */
    record Attribute(String name, long i, double f, long[] ints, Tensor t) {
    }

    /** A tensor's numbers as doubles, whatever its element type. */
    record Tensor(String name, int type, long[] dims, double[] values) {
    }

    /** A graph input's or output's name, element type and dimensions (-1 for a symbolic one). */
    record Value(String name, int type, long[] dims) {
    }

    private long budget = MAX_NUMBERS;

    private OnnxFile() {
    }

    /** The model in {@code bytes}; an {@link IllegalArgumentException} naming the first problem. */
    static Model parse(byte[] bytes) {
        return new OnnxFile().model(new ProtobufReader(bytes));
    }

    private Model model(ProtobufReader r) {
        String producer = "", version = "", doc = "";
        Map<String, String> metadata = new LinkedHashMap<>();
        Graph graph = null;
        while (r.next()) {
            switch (r.field()) {
                case 2 -> producer = r.string();
                case 3 -> version = r.string();
                case 6 -> doc = r.string();
                case 7 -> graph = graph(r.message());
                case 14 -> property(r.message(), metadata);
                default -> r.skip();
            }
        }
        if (graph == null) {
            throw new IllegalArgumentException("not a valid ONNX file: it holds no graph");
        }
        return new Model(producer, version, doc, metadata, graph);
    }

    private static void property(ProtobufReader r, Map<String, String> metadata) {
        String key = "", value = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> key = r.string();
                case 2 -> value = r.string();
                default -> r.skip();
            }
        }
        metadata.put(key, value);
    }

    private Graph graph(ProtobufReader r) {
        List<Node> nodes = new ArrayList<>();
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        List<Value> inputs = new ArrayList<>(), outputs = new ArrayList<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> nodes.add(node(r.message()));
                case 5 -> {
                    Tensor t = tensor(r.message());
                    initializers.put(t.name(), t);
                }
                case 11 -> inputs.add(value(r.message()));
                case 12 -> outputs.add(value(r.message()));
                default -> r.skip();
            }
        }
        return new Graph(nodes, initializers, inputs, outputs);
    }

    private Node node(ProtobufReader r) {
        List<String> inputs = new ArrayList<>(), outputs = new ArrayList<>();
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        String name = "", op = "", domain = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> inputs.add(r.string());
                case 2 -> outputs.add(r.string());
                case 3 -> name = r.string();
                case 4 -> op = r.string();
                case 5 -> {
                    Attribute a = attribute(r.message());
                    attributes.put(a.name(), a);
                }
                case 7 -> domain = r.string();
                default -> r.skip();
            }
        }
        return new Node(name, op, domain, inputs, outputs, attributes);
    }

    private Attribute attribute(ProtobufReader r) {
        String name = "";
        long i = 0;
        double f = 0;
        Numbers ints = new Numbers();
        Tensor t = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> name = r.string();
                case 2 -> f = r.fixed32();
                case 3 -> i = r.int64();
                case 5 -> t = tensor(r.message());
                case 6 -> graph(r.message());
                case 8 -> ints.read(r, ProtobufReader.VARINT);
                default -> r.skip();
            }
        }
        return new Attribute(name, i, f, ints.longs(), t);
    }

    private static Value value(ProtobufReader r) {
        String name = "";
        int type = 0;
        Numbers dims = new Numbers();
        while (r.next()) {
            if (r.field() == 1) {
                name = r.string();
            } else if (r.field() == 2) {
                ProtobufReader typeProto = r.message();
                while (typeProto.next()) {
                    if (typeProto.field() == 1) {
                        type = tensorType(typeProto.message(), dims);
                    } else {
                        typeProto.skip();
                    }
                }
            } else {
                r.skip();
            }
        }
        return new Value(name, type, dims.longs());
    }

    /** TypeProto.Tensor: the element type, and each dimension's value (-1 for a symbol). */
    private static int tensorType(ProtobufReader r, Numbers dims) {
        int type = 0;
        while (r.next()) {
            if (r.field() == 1) {
                type = (int) r.int64();
            } else if (r.field() == 2) {
                ProtobufReader shape = r.message();
                while (shape.next()) {
                    if (shape.field() == 1) {
                        dims.add(dimension(shape.message()));
                    } else {
                        shape.skip();
                    }
                }
            } else {
                r.skip();
            }
        }
        return type;
    }

    private static long dimension(ProtobufReader r) {
        long d = -1;
        while (r.next()) {
            if (r.field() == 1) {
                d = r.int64();
            } else {
                r.skip();
            }
        }
        return d;
    }

    private Tensor tensor(ProtobufReader r) {
        int start = r.position();
        Numbers dims = new Numbers(), typed = new Numbers();
        int type = 0;
        String name = "";
        ByteBuffer raw = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> dims.read(r, ProtobufReader.VARINT);
                case 2 -> type = (int) r.int64();
                case 4 -> typed.read(r, ProtobufReader.FIXED32);
                case 7 -> typed.read(r, ProtobufReader.VARINT);
                case 8 -> name = r.string();
                case 9 -> raw = r.view();
                case 10 -> typed.read(r, ProtobufReader.FIXED64);
                case 13, 14 -> throw new IllegalArgumentException("tensor '" + name + "' keeps its numbers in another file (external data)");
                default -> r.skip();
            }
        }
        long count = count(name, dims.longs(), start);
        if (type != FLOAT && type != DOUBLE && type != INT64) {
            return new Tensor(name, type, dims.longs(), new double[0]);
        }
        return new Tensor(name, type, dims.longs(), raw == null ? typed.values(name, count) : decode(name, type, raw, count));
    }

    /** The number of elements the dimensions claim, refused past what is left of the file's budget. */
    private long count(String name, long[] dims, int at) {
        long count = 1;
        for (long d : dims) {
            if (d < 0 || (d > 0 && count > budget / d)) {
                throw ProtobufReader.bad(at, "tensor '" + name + "' claims " + Arrays.toString(dims)
                        + " numbers, more than the " + MAX_NUMBERS + " jgrad imports");
            }
            count *= d;
        }
        budget -= count;
        return count;
    }

    private static double[] decode(String name, int type, ByteBuffer raw, long count) {
        int width = type == FLOAT ? 4 : 8;
        if (raw.remaining() != count * width) {
            throw new IllegalArgumentException("not a valid ONNX file: tensor '" + name + "' claims " + count + " numbers but brings "
                    + raw.remaining() + " bytes of them");
        }
        double[] values = new double[(int) count];
        for (int k = 0; k < values.length; k++) {
            values[k] = type == FLOAT ? raw.getFloat(4 * k) : type == DOUBLE ? raw.getDouble(8 * k) : raw.getLong(8 * k);
        }
        return values;
    }
}
