package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Features;
import dev.jgrad.data.Scaler;
import dev.jgrad.data.Scaling;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Network;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ONNX reader refuses hostile bytes with one line and before spending memory (truncated
 * varints, lengths past the end, a tensor claiming 10⁹ numbers, nesting past the limit), and never
 * fails any other way on a corrupted file; jgrad's own exports come back as they were.
 */
class OnnxImportTest {
    private static final Network NETWORK = Network.initialise(2, List.of(5, 3), List.of(Activation.TANH, Activation.SIGMOID),
            Init.XAVIER, new Rng(3));

    private static byte[] exported() {
        Scaler scaler = new Scaler(Scaling.STANDARD, new double[] {0.5, -1, 2}, new double[] {2, 3, 0.25}, List.of());
        Network n = Network.initialise(3, List.of(4, 3), List.of(Activation.RELU, Activation.LINEAR), Init.XAVIER, new Rng(5));
        ModelFile m = new ModelFile(n, scaler, Map.of("loss", "cross-entropy", "scale", "standard", "transform",
                List.of("x1sq", "x1x2", "sinx2"), "classes", List.of("a", "b", "c")));
        return OnnxExport.export(m, OnnxExport.Dtype.FLOAT64, "test");
    }

    private static IllegalArgumentException refusal(byte[] bytes) {
        try {
            OnnxImport.read(bytes, null);
        } catch (IllegalArgumentException e) {
            return e;
        }
        throw new AssertionError("accepted " + Arrays.toString(bytes));
    }

    @Test
    void aTruncatedVarintIsRefused() {
        assertThat(refusal(new byte[] {0x08, (byte) 0x80}).getMessage()).isEqualTo("not a valid ONNX file: truncated varint at byte 1");
    }

    @Test
    void aVarintOfElevenBytesIsRefused() {
        byte[] b = new byte[12];
        Arrays.fill(b, (byte) 0xFF);
        b[0] = 0x08;
        assertThat(refusal(b).getMessage()).contains("varint longer than ten bytes");
    }

    @Test
    void aLengthPastTheEndIsRefusedWithoutReadingIt() {
        byte[] graph = {0x3A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 0x01};
        assertThat(refusal(graph).getMessage()).contains("length 2147483647 past the end of its message (1 bytes left)");
    }

    @Test
    void groupsAreNotPartOfOnnx() {
        assertThat(refusal(new byte[] {0x0B}).getMessage()).contains("wire type 3 of field 1");
    }

    @Test
    void aTensorClaimingABillionWeightsIsRefusedBeforeAnyArrayIsMade() {
        Protobuf tensor = new Protobuf().varint(1, 1_000_000_000).varint(2, OnnxFile.FLOAT).string(8, "w").bytes(9, new byte[8]);
        byte[] model = new Protobuf().message(7, new Protobuf().message(5, tensor)).toBytes();
        assertThat(refusal(model).getMessage()).contains("tensor 'w' claims [1000000000] numbers, more than the 16777216 jgrad imports");
    }

    @Test
    void dimensionsWhoseProductOverflowsAreRefused() {
        Protobuf tensor = new Protobuf().varint(1, 1L << 31).varint(1, 1L << 31).varint(1, 1L << 31).varint(1, 0).varint(2, 1);
        byte[] model = new Protobuf().message(7, new Protobuf().message(5, tensor)).toBytes();
        assertThat(refusal(model).getMessage()).contains("more than the 16777216 jgrad imports");
    }

    @Test
    void aTensorWhoseBytesDoNotMatchItsShapeIsRefused() {
        Protobuf tensor = new Protobuf().varint(1, 3).varint(2, OnnxFile.DOUBLE).string(8, "b").bytes(9, new byte[16]);
        byte[] model = new Protobuf().message(7, new Protobuf().message(5, tensor)).toBytes();
        assertThat(refusal(model).getMessage()).isEqualTo("not a valid ONNX file: tensor 'b' claims 3 numbers but brings 16 bytes of them");
    }

    @Test
    void subgraphsNestedPastTheLimitAreRefused() {
        Protobuf graph = new Protobuf().string(2, "innermost");
        for (int level = 0; level < 10; level++) {
            Protobuf attribute = new Protobuf().string(1, "then_branch").message(6, graph).varint(20, 5);
            graph = new Protobuf().message(1, new Protobuf().string(4, "If").message(5, attribute));
        }
        byte[] model = new Protobuf().message(7, graph).toBytes();
        assertThat(refusal(model).getMessage()).contains("messages nested more than " + ProtobufReader.MAX_DEPTH + " deep");
    }

    @Test
    void aFileWithoutAGraphIsRefused() {
        assertThat(refusal(new Protobuf().varint(1, 7).toBytes()).getMessage()).isEqualTo("not a valid ONNX file: it holds no graph");
    }

    /**
     * Every prefix of a valid file is refused with the reader's one line, never another exception,
     * except those that end between two of the metadata fields after the graph: whole files, the same model.
     */
    @Test
    void everyTruncationIsRefusedCleanly() {
        byte[] whole = exported();
        Network network = OnnxImport.read(whole, null).network();
        int read = 0;
        for (int n = 0; n < whole.length; n++) {
            try {
                assertThat(OnnxImport.read(Arrays.copyOf(whole, n), null).network()).isEqualTo(network);
                read++;
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).doesNotContain("\n");
            }
        }
        assertThat(read).isLessThan(10);
    }

    /** Seeded byte flips: the file is read or refused with an IllegalArgumentException, nothing else. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void corruptedBytesAreReadOrRefusedNeverCrash(int seed) {
        byte[] whole = exported();
        Rng rng = new Rng(seed);
        for (int trial = 0; trial < 500; trial++) {
            byte[] b = whole.clone();
            for (int flips = 1 + rng.nextInt(3); flips > 0; flips--) {
                b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
            }
            try {
                OnnxImport.read(b, null);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).doesNotContain("\n");
            }
        }
    }

    @Test
    void jgradsOwnExportComesBackWithItsFeaturesScalerAndLoss() {
        ModelFile m = OnnxImport.read(exported(), null);
        assertThat(m.transform()).isEqualTo(Features.parse("x1sq,x1x2,sinx2"));
        assertThat(m.scaler().shift()).containsExactly(0.5, -1, 2);
        assertThat(m.scaler().scale()).containsExactly(2, 3, 0.25);
        assertThat(m.classes()).containsExactly("a", "b", "c");
        assertThat(OnnxExport.export(m, OnnxExport.Dtype.FLOAT64, "test")).isEqualTo(exported());
    }

    @Test
    void aSigmoidLayerComesBackFromJgradsEightNodes() {
        ModelFile m = new ModelFile(NETWORK, Map.of("loss", "mse"));
        ModelFile back = OnnxImport.read(OnnxExport.export(m, OnnxExport.Dtype.FLOAT64, "v"), null);
        assertThat(back.network()).isEqualTo(NETWORK);
    }
}
