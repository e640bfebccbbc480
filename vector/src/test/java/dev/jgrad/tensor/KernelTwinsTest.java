package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each float32 kernel and its float64 twin are one text in two element types: with the type's names swapped,
 * their code (comments aside) is the same line for line, so a change to one that is not made to the other fails
 * here before it can make the widths differ in speed or in the order of an entry's operations.
 */
class KernelTwinsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/jgrad/tensor");

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({"VectorFloatGemm, VectorGemm", "NarrowFloatGemm, NarrowGemm", "FloatTiles, DoubleTiles"})
    void theFloat32KernelIsItsFloat64TwinWithTheTypesSwapped(String floats, String doubles) throws IOException {
        List<String> asDoubles = code(floats).stream().map(line -> line
                .replace(floats, doubles).replace("FloatVector", "DoubleVector").replace("FloatTiles", "DoubleTiles")
                .replace("FLOAT", "DOUBLE").replace("float", "double").replace("Float", "Double")
                .replace("NarrowDoubleGemm", "NarrowGemm").replace("FmaDoubleGemm", "FmaGemm")
                .replace("DoubleGemm", "Gemm").replace("takeDoubles(", "take(").replace("double32", "float64")).toList();
        List<String> twin = new ArrayList<>(code(doubles));
        // The float64 class alone hands out the float32 kernel, so that JvmKernels never names the incubator class.
        int at = twin.indexOf("static FloatGemm floats() {");
        if (at >= 0) {
            assertThat(twin.subList(at, at + 3)).containsExactly("static FloatGemm floats() {", "return new VectorFloatGemm();", "}");
            twin.subList(at, at + 3).clear();
        }
        assertThat(twin).containsExactlyElementsOf(asDoubles);
    }

    /** The class's lines without comments, blank lines or indentation. */
    private static List<String> code(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(SOURCES.resolve(name + ".java"))) {
            String s = line.strip();
            int comment = s.indexOf("//");
            if (comment >= 0 && !s.substring(0, comment).contains("\"")) {
                s = s.substring(0, comment).strip();
            }
            if (!s.isEmpty() && !s.startsWith("/**") && !s.startsWith("*") && !s.startsWith("import ")) {
                lines.add(s);
            }
        }
        return lines;
    }
}
