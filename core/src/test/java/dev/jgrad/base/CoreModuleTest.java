package dev.jgrad.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * README promises that the core jar needs nothing but {@code java.base}: jdeps, the JDK's own
 * dependency analyser, checks every compiled class of core, so a stray import of an incubator or
 * desktop module fails here rather than in a user's build.
 */
class CoreModuleTest {
    private static Path classes() throws URISyntaxException {
        return Path.of(Rng.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void coreClassesRequireOnlyJavaBase() throws Exception {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "--print-module-deps", classes().toString());
        assertThat(code).as("jdeps: %s", err).isZero();
        assertThat(out.toString().strip()).isEqualTo("java.base");
    }

    @Test
    void coreClassesCarryNoCompilerModuleArguments() throws Exception {
        // maven-compiler-plugin leaves META-INF/jpms.args behind whenever it passes module options.
        assertThat(Files.exists(classes().resolve("META-INF/jpms.args"))).isFalse();
    }
}
