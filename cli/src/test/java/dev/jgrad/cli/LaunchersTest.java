package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * ./jgrad and jgrad.cmd stay twins: the same jar, built by the same wrapper command. No Windows runs
 * here, so this is what can be checked of jgrad.cmd: that, and the CRLF line ends cmd expects.
 */
class LaunchersTest {
    private static final String BUILD = "-B -DskipTests -Dmaven.test.skip=true -pl cli -am package";

    @Test
    void bothLaunchersBuildAndRunTheSameJar() throws IOException {
        String unix = Files.readString(Path.of("..", "jgrad"));
        String windows = Files.readString(Path.of("..", "jgrad.cmd"));
        assertThat(unix).contains("./mvnw " + BUILD, "cli/target/jgrad.jar", "JGRAD_JAVA_OPTS", "JGRAD_VECTOR");
        assertThat(windows).contains("mvnw.cmd " + BUILD, "cli\\target\\jgrad.jar", "JGRAD_JAVA_OPTS", "JGRAD_VECTOR");
    }

    @Test
    void bothLaunchersChooseTheJitAlike() throws IOException {
        String unix = Files.readString(Path.of("..", "jgrad"));
        String windows = Files.readString(Path.of("..", "jgrad.cmd"));
        for (String launcher : new String[] {unix, windows}) {
            // the choice, its refusal, the quick compiler and the limit on bytes times epochs: docs/cli.md's JGRAD_JIT
            assertThat(launcher).contains("JGRAD_JIT", "JGRAD_JIT must be auto, quick or full, not '", "-XX:TieredStopAtLevel=1",
                    "64 << 20", "--epochs", "--csv", "--test");
        }
    }

    @Test
    void bothLaunchersGiveTheJvmTheCompileCommandsWithItsTiers() throws IOException {
        String unix = Files.readString(Path.of("..", "jgrad"));
        String windows = Files.readString(Path.of("..", "jgrad.cmd"));
        assertThat(unix).contains("-XX:CompileCommandFile=\"$root/cli/compile-commands.txt\"");
        assertThat(windows).contains("-XX:CompileCommandFile=%ROOT%cli\\compile-commands.txt");
    }

    /** A line the JVM cannot parse it reports and skips, quiet or not: the file's every line must parse. */
    @Test
    void theJvmAcceptsEveryCompileCommand() throws IOException, InterruptedException {
        Path file = Path.of("compile-commands.txt").toAbsolutePath();
        assertThat(Files.readString(file)).contains("CompileThresholdScaling,dev.jgrad.tensor.*::*,");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:CompileCommandFile=" + file, "-version").redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor()).isZero();
        assertThat(output).doesNotContain("CompileCommand", "rror", "nrecognized");
    }

    @Test
    void theWindowsLauncherHasCrlfLineEnds() throws IOException {
        String windows = Files.readString(Path.of("..", "jgrad.cmd"));
        assertThat(windows.lines()).hasSizeGreaterThan(10);
        assertThat(windows.replace("\r\n", "")).doesNotContain("\n");
    }
}
