package dev.jgrad.io;

import dev.jgrad.data.Features;
import dev.jgrad.data.Pipeline;
import dev.jgrad.data.Scaler;
import dev.jgrad.data.Task;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import dev.jgrad.nn.Predictor;
import dev.jgrad.tensor.DType;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained {@link Network}, the {@link Scaler} its inputs pass through first, and what is known
 * about its training, as a versioned JSON file:
 * <pre>{@code
 * { "format": "jgrad-model", "version": 2, "inputs": 2,
 *   "scaler": { "kind": "standard", "shift": [m₁, m₂], "scale": [s₁, s₂], "constant": [] },
 *   "layers": [ { "activation": "tanh", "weights": [[w₁₁, w₁₂], …], "biases": [b₁, …] }, … ],
 *   "metadata": { "loss": "mse", … } }
 * }</pre>
 * A model without scaling is written as version 1, without {@code "scaler"}, as before scalers
 * existed; one with scaling is version 2, so that an older jgrad refuses it rather than feeding it
 * unscaled inputs. A regression model is version 3, with {@code "task": "regression"} and
 * {@code "target"}, its target's scaler (one shift and scale), so that no older jgrad reads its one
 * output as a class. A model that preprocesses its table (chosen columns, filled missing cells,
 * one-hot categories: {@link Pipeline}) is version 4, with {@code "preprocessing"} ({@link PipelineJson});
 * {@link #reading()} is that pipeline, or for older files the numeric columns the metadata names.
 * Weights are written as the shortest decimal that reads back to the same double, so a loaded model
 * computes exactly what the saved one did. Saving is atomic: the JSON goes to a temporary file
 * beside the target, which then replaces it by a rename, so a crash leaves the old file or the new
 * one, never half of one. Every problem loading a file is an {@link IOException} with a one-line
 * message that starts with the file's name. Metadata is free-form, except that {@code "classes"} and
 * {@code "features"}, when present, must be lists of names that fit the network (k classes: k outputs,
 * or 1 output for 2 classes; one feature per input), because predictions are labelled with them; and
 * {@code "transform"}, when present ({@code jgrad train --features}), must list one known feature id
 * per input, the model then reading 2 raw features (so {@code "features"} names 2 columns).
 *
 * <pre>{@code
 * new ModelFile(model.network(), Map.of("loss", "mse")).save(Path.of("model.json"));
 * MLP again = new MLP(ModelFile.load(Path.of("model.json")).network());
 * }</pre>
 *
 * @param target null for a classifier; for a regression model its target's one-feature scaler
 *     ({@link Scaler#none none(1)} when the target was not scaled)
 * @param metadata JSON-able values (strings, numbers, booleans, lists and maps of them)
 */
public record ModelFile(Network network, Scaler scaler, Scaler target, Map<String, Object> metadata, Pipeline pipeline) {
    /** The format's name, the file's first field: what tells a model file from other JSON. */
    public static final String FORMAT = "jgrad-model";
    /** The newest version this jgrad reads and writes (it reads every version from 1). */
    public static final int VERSION = 4;

    /**
     * Copies the metadata; refuses a scaler, target scaler or pipeline that does not fit the network.
     *
     * @param network the architecture and weights
     * @param scaler the features' scaling
     * @param target the target's scaler for regression, else null
     * @param metadata JSON-able values
     * @param pipeline how a table's rows become features, or null for numeric columns as they are
     */
    public ModelFile {
        metadata = new LinkedHashMap<>(metadata);
        if (pipeline != null && pipeline.width() != network.inputs()) {
            throw new IllegalArgumentException("the preprocessing makes " + pipeline.width() + " features, the network takes "
                    + network.inputs() + " inputs");
        }
        if (scaler.features() != network.inputs()) {
            throw new IllegalArgumentException("the scaler takes " + scaler.features() + " features, the network "
                    + network.inputs() + " inputs");
        }
        if (target != null && (target.features() != 1 || network.outputs() != 1)) {
            throw new IllegalArgumentException("a regression model has 1 output and a 1-feature target scaler; this has "
                    + network.outputs() + " outputs and a scaler of " + target.features());
        }
    }

    /**
     * A model that reads its inputs as numbers, with no preprocessing section.
     *
     * @param network the architecture and weights
     * @param scaler the features' scaling
     * @param target the target's scaler for regression, else null
     * @param metadata JSON-able values
     */
    public ModelFile(Network network, Scaler scaler, Scaler target, Map<String, Object> metadata) {
        this(network, scaler, target, metadata, null);
    }

    /**
     * A classifier whose inputs pass through {@code scaler}.
     *
     * @param network the architecture and weights
     * @param scaler the features' scaling
     * @param metadata JSON-able values
     */
    public ModelFile(Network network, Scaler scaler, Map<String, Object> metadata) {
        this(network, scaler, null, metadata);
    }

    /**
     * A network whose inputs are used as they are.
     *
     * @param network the architecture and weights
     * @param metadata JSON-able values
     */
    public ModelFile(Network network, Map<String, Object> metadata) {
        this(network, Scaler.none(network.inputs()), metadata);
    }

    /**
     * The loss recorded in the metadata, which decides how outputs become a class; for a file that
     * records none, bce for one output and cross-entropy for more.
     *
     * @return the loss
     */
    public Loss loss() {
        Object saved = metadata.get("loss");
        if (saved == null) {
            return target != null ? Loss.MSE : network.outputs() == 1 ? Loss.BCE : Loss.CROSS_ENTROPY;
        }
        return Loss.CHOICES.parse(String.valueOf(saved));
    }

    /** {@return what the model predicts: regression when it has a target scaler} */
    public Task task() {
        return target == null ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    /** {@return the class names of the metadata, or "0", "1", … when it records none; none for a regression model} */
    public List<String> classes() {
        if (target != null) {
            return List.of();
        }
        if (metadata.get("classes") instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < Math.max(2, network.outputs()); c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /**
     * The model as {@link Network#frozen()}: the scalar engine's bits from plain arrays, no graph and
     * no {@code Value} per weight (the fast way for one point at a time), behind its scaler, with its loss and class names (or its target's scaler). A loss that
     * does not fit the outputs is an {@link IllegalArgumentException} saying so.
     *
     * @return the predictor
     */
    public Predictor predictor() {
        Model model = dtype() == DType.FLOAT64 ? network.frozen() : Engine.TENSOR.build(network, dtype());
        return new Predictor(model, scaler, loss(), classes(), target, transform());
    }

    /**
     * The numbers the model was trained in (metadata {@code "dtype"}; float64 when absent): a float32
     * model predicts on the tensor engine in float32, as it computed while training, so its answers
     * are the trained model's to the bit.
     *
     * @return the dtype
     */
    public DType dtype() {
        return dtypeOf(metadata);
    }

    static DType dtypeOf(Map<String, Object> metadata) {
        Object saved = metadata.get("dtype");
        try {
            return saved == null ? DType.FLOAT64 : DType.parse(String.valueOf(saved));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the metadata's \"dtype\" should be float64 or float32, not " + saved);
        }
    }

    /** {@return the transform of 2-D points the model was trained on (metadata {@code "transform"}), or null for none} */
    public Features transform() {
        return metadata.get("transform") instanceof List<?> ids ? Features.of(ids.stream().map(String::valueOf).toList()) : null;
    }

    /**
     * How a table's rows become this model's inputs: its preprocessing, or, for a model without one,
     * the metadata's feature columns read as numbers (null when the metadata names none).
     *
     * @return the pipeline
     */
    public Pipeline reading() {
        if (pipeline != null) {
            return pipeline;
        }
        if (metadata.get("features") instanceof List<?> names && !names.isEmpty()) {
            return Pipeline.numbers(names.stream().map(String::valueOf).toList());
        }
        return null;
    }

    /**
     * Writes this model to {@code file} atomically.
     *
     * @param file where to write it
     * @throws IOException when it cannot be written; the message names the file
     */
    public void save(Path file) throws IOException {
        AtomicFile.write(file, toJson());
    }

    /** {@return this model file's JSON text} */
    public String toJson() {
        return ModelJson.write(this);
    }

    /**
     * Reads a model file; a missing, corrupt, truncated or wrong-version file gives a one-line error naming it.
     *
     * @param file a model file
     * @return the model
     * @throws IOException when it cannot be read or parsed; the message names the file and the line
     */
    public static ModelFile load(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not a model file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // the byte-order mark some editors put first, as CSV files allow
            }
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not a jgrad model file (not UTF-8 text)");
        }
        try {
            return fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /**
     * Reads a model from JSON text; errors are {@link IllegalArgumentException}s with one-line messages.
     *
     * @param text a model file's text
     * @return the model
     */
    public static ModelFile fromJson(String text) {
        return ModelJson.read(text);
    }
}
