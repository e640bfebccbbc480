package dev.jgrad.io;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ModelProto around a graph: versions, producer, doc string and metadata_props. */
final class OnnxModel {
    private OnnxModel() {
    }

    /**
     * The model: IR version, producer, doc string, graph, opset import and metadata (jgrad's
     * version, the task, the loss, the class and feature names as JSON lists, and the training
     * settings: the model file's metadata as JSON).
     */
    static Protobuf wrap(Protobuf graph, String doc, String version, ModelFile model) {
        Protobuf m = new Protobuf()
                .varint(1, OnnxExport.IR_VERSION)
                .string(2, "jgrad")
                .string(3, version)
                .string(4, "dev.jgrad")
                .varint(5, 1)
                .string(6, doc)
                .message(7, graph)
                .message(8, new Protobuf().string(1, "").varint(2, OnnxExport.OPSET));
        for (Map.Entry<String, String> e : metadata(version, model).entrySet()) {
            m.message(14, new Protobuf().string(1, e.getKey()).string(2, e.getValue()));
        }
        return m;
    }

    private static Map<String, String> metadata(String version, ModelFile model) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("jgrad.version", version);
        p.put("task", model.task().id());
        if (!model.classes().isEmpty()) {
            p.put("loss", model.loss().id());
            p.put("classes", Json.write(model.classes()).strip());
        }
        if (model.metadata().get("features") instanceof java.util.List<?> names) {
            p.put("features", Json.write(names).strip());
        }
        p.put("settings", Json.write(model.metadata()).strip());
        return p;
    }
}
