package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's CSV commands run as written from the repository root, on the sample files it ships. */
class ReadmeExampleTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theCsvCommandsRunOnTheShippedSampleFiles() throws IOException {
        List<String> commands = section("### On your own CSV").stream().filter(l -> l.startsWith("./jgrad ")).toList();
        assertThat(commands).hasSize(2);
        for (String command : commands) {
            Run r = MainTest.run(Arrays.stream(command.substring("./jgrad ".length()).split("\\s+")).map(this::place)
                    .toArray(String[]::new));
            assertThat(r.code()).as(command + ": " + r.err()).isZero();
        }
        assertThat(Files.readAllLines(dir.resolve("out/flowers/predictions.csv"))).hasSize(13)
                .first().isEqualTo("sepal_length,sepal_width,petal_length,petal_width,species,prediction,p_setosa,p_versicolor,p_virginica");
    }

    @Test
    void theRegressionCommandsRunOnTheShippedSpringsFile() throws IOException {
        List<String> commands = section("### Fitting numbers: regression").stream()
                .filter(l -> l.startsWith("./jgrad ") && l.contains("springs")).toList();
        assertThat(commands).hasSize(2);
        for (String command : commands) {
            Run r = MainTest.run(Arrays.stream(command.substring("./jgrad ".length()).split("\\s+")).map(this::place)
                    .toArray(String[]::new));
            assertThat(r.code()).as(command + ": " + r.err()).isZero();
            if (command.contains(" predict ")) {
                assertThat(r.err()).containsPattern("MSE [0-9.]+, MAE [0-9.]+, R² 0\\.9\\d\\d on 20 labelled rows");
            }
        }
        assertThat(Files.readAllLines(dir.resolve("out/springs/predictions.csv"))).hasSize(21)
                .first().isEqualTo("mass_kg,stiffness_n_per_m,length_cm,stretch,prediction");
    }

    /**
     * "Take your model elsewhere": the export command runs on the flowers model, and the Java program,
     * compiled with exactly the imports it shows, prints through ONNX Runtime what predict prints for
     * its row (float64: within 1e-12).
     */
    @Test
    void theOnnxRuntimeProgramPrintsPredictsNumbers() throws Exception {
        List<String> commands = new ArrayList<>(section("### On your own CSV").stream().filter(l -> l.startsWith("./jgrad train")).toList());
        commands.addAll(section("## Take your model elsewhere").stream().filter(l -> l.startsWith("./jgrad ")).toList());
        assertThat(commands).hasSize(3);
        String predicted = "";
        for (String command : commands) {
            Run r = MainTest.run(Arrays.stream(command.substring("./jgrad ".length()).split("\\s+")).map(this::place)
                    .toArray(String[]::new));
            assertThat(r.code()).as(command + ": " + r.err()).isZero();
            predicted = r.out();
        }
        String row = predicted.lines().filter(l -> l.startsWith("5.4,3.3,1.5,0.3,")).findFirst().orElseThrow();
        String printed = OrtProgram.run(javaOf("## Take your model elsewhere"), dir, "out/flowers/model.onnx");
        String[] p = row.split(",");
        assertThat(printed).startsWith("[\"setosa\", \"versicolor\", \"virginica\"] 0 [");
        String[] q = printed.substring(printed.lastIndexOf('[') + 1, printed.lastIndexOf(']')).split(", ");
        for (int k = 0; k < 3; k++) {
            double jgrad = Double.parseDouble(p[6 + k]), ort = Double.parseDouble(q[k]);
            assertThat(Math.abs(ort - jgrad)).as(printed).isLessThanOrEqualTo(1e-12 * Math.abs(jgrad));
        }
    }

    private static String javaOf(String heading) throws IOException {
        StringBuilder java = new StringBuilder();
        boolean in = false;
        for (String line : section(heading)) {
            if (line.startsWith("```")) {
                in = line.equals("```java");
            } else if (in) {
                java.append(line).append('\n');
            }
        }
        return java.toString();
    }

    /** Files the README reads come from the repository; files it writes go to a temporary directory. */
    private String place(String arg) {
        return arg.startsWith("docs/") ? ROOT.resolve(arg).toString() : arg.startsWith("out/") ? dir.resolve(arg).toString() : arg;
    }

    private static List<String> section(String heading) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        int start = lines.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("#")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }
}
