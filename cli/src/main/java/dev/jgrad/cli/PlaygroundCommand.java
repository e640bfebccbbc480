package dev.jgrad.cli;

import dev.jgrad.io.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgrad playground}: the browser playground, served from the jar on this machine or written out as files. */
@Command(name = "playground",
        description = {"Serve the playground (jgrad's engine compiled to JavaScript, with the page around it) on "
                + "127.0.0.1 and print its address; Ctrl-C stops it. With --out, write the site as files for any "
                + "static web server instead."},
        sortOptions = false)
final class PlaygroundCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 8421;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; the next free one if it is taken; 0: any free port).")
    int port;

    @Option(names = "--open", description = "Start the desktop's browser on the page.")
    boolean open;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Write the site's files into DIR (new, empty, or a site written before) and exit, instead of serving it.")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not a port; give 1 to 65535 (0: any free port)");
        }
        if (out != null && (open || spec.commandLine().getParseResult().hasMatchedOption("--port"))) {
            throw new IllegalArgumentException("--out writes files and serves nothing: give it without --port and --open");
        }
        PrintWriter w = spec.commandLine().getOut();
        Site site = Site.load();
        if (out != null) {
            write(site, out);
            w.println("Wrote the playground's " + site.size() + " files to " + out + ". Serve that folder with any static "
                    + "web server (a browser loads the page's modules over http, not from file:).");
            return 0;
        }
        try (SiteServer server = SiteServer.start(site, port)) {
            w.println("jgrad playground: " + server.uri() + " (Ctrl-C stops it)");
            if (open) {
                w.println(Browser.open(server.uri()));
            }
            w.flush();
            server.join();
        }
        return 0;
    }

    /**
     * Writes every file of the site, all or none. The folder must be new, empty, or hold a site written
     * before (its index.html and engine.js), so a typo cannot scatter files among someone's own.
     */
    static void write(Site site, Path given) throws IOException {
        OutDir outDir = OutDir.check("--out", given);
        Path dir = outDir.path();
        if (Files.isDirectory(dir) && !empty(dir)
                && !(Files.isRegularFile(dir.resolve("index.html")) && Files.isRegularFile(dir.resolve("engine.js")))) {
            throw new IllegalArgumentException("--out " + dir + ": is not empty and holds no playground written before; "
                    + "give a new or empty folder");
        }
        Map<Path, AtomicFile.Content> files = new LinkedHashMap<>();
        for (String name : site.names()) {
            byte[] bytes = site.file(name);
            files.put(dir.resolve(name), temporary -> Files.write(temporary, bytes));
        }
        try {
            for (Path f : files.keySet()) {
                Files.createDirectories(f.getParent());
            }
            AtomicFile.replaceAll(files);   // the folder is the site's: links there are replaced, never written through
        } catch (IOException | UncheckedIOException e) {
            outDir.removeIfEmpty();
            throw e;
        }
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
