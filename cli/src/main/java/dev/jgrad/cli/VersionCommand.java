package dev.jgrad.cli;

import dev.jgrad.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jgrad version}: the release, the Java running it, and the tensor engine's matrix kernels. */
@Command(name = "version", description = "Print jgrad's version, the Java it runs on and the matrix kernels it uses.")
final class VersionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println("jgrad " + version());
        spec.commandLine().getOut().println("Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
        spec.commandLine().getOut().println("matrix kernel: " + Tensor.matmulKernel(0));
    }

    static String version() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jgrad " + version()};
        }
    }
}
