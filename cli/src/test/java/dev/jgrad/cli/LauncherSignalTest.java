package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM (what kill and a closing terminal send) to ./jgrad stops java: the launcher execs java, so
 * java is the launcher's process. Run on a copy of the launcher beside a stand-in jar, so no build
 * starts and no training is needed.
 */
class LauncherSignalTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"on", "off"})
    void sigtermToTheLauncherStopsJava(String vector) throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows") && Files.isExecutable(Path.of("/usr/bin/env"))
                && Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path launcher = root.resolve("jgrad");
        Files.copy(Path.of("..", "jgrad"), launcher);
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        standInJar(root.resolve("cli/target/jgrad.jar"));

        ProcessBuilder pb = new ProcessBuilder("/bin/bash", launcher.toString()).redirectErrorStream(true);
        pb.environment().put("JGRAD_VECTOR", vector);
        pb.environment().remove("JGRAD_JAVA_OPTS");
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("the stand-in's pid").isNotNull().matches("\\d+");
            long javaPid = Long.parseLong(line.strip());
            assertThat(javaPid).as("java is the launcher's own process (exec)").isEqualTo(p.pid());

            p.destroy();   // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
            Optional<ProcessHandle> java = ProcessHandle.of(javaPid);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (java.isPresent() && java.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(java.map(ProcessHandle::isAlive).orElse(false)).as("java still running").isFalse();
            assertThat(p.exitValue()).as("killed by SIGTERM: 128 + 15").isEqualTo(143);
        } finally {
            p.destroyForcibly();
        }
    }

    /** A jar whose main class is {@link LauncherSleeper}, found through the test classes' folder. */
    private static void standInJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Path classes = Path.of(LauncherSleeper.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherSleeper.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, m)) {
            out.flush();
        }
        // Newer than anything, so the launcher never thinks it stale and starts a build.
        assertThat(jar.toFile().setLastModified(System.currentTimeMillis() + 60_000)).isTrue();
    }
}
