package dev.jgrad.cli;

import dev.jgrad.io.ModelFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgrad serve}: a saved model's predictions over HTTP. */
@Command(name = "serve", sortOptions = false,
        description = {"Serve a model saved by jgrad train over HTTP, on 127.0.0.1 unless --host says otherwise; Ctrl-C stops it.",
            "POST /predict takes a JSON array of rows (objects keyed by column name, or arrays in the model's column order;",
            "Content-Type: application/json) or a CSV text with a header (Content-Type: text/csv), and answers the labels",
            "and probabilities (for regression, the values) that jgrad predict --proba gives. GET /model describes the",
            "inputs, their preprocessing and the classes; GET /health answers {\"status\": \"ok\"}."},
        footer = {"", "Example:",
            "  jgrad serve --model out/flowers/model.json",
            "  # and from another terminal:",
            "  curl -s -H 'Content-Type: application/json' \\",
            "       -d '[{\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, \"petal_width\": 0.2}]' \\",
            "       http://127.0.0.1:" + ServeCommand.DEFAULT_PORT + "/predict"})
final class ServeCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 8422;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.json written by jgrad train.")
    Path model;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "Port (default: ${DEFAULT-VALUE}; the next free one if it is taken; 0: any free port).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Another address lets other "
                    + "machines reach the model: the server has no authentication and no TLS.")
    String host;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not a port; give 1 to 65535 (0: any free port)");
        }
        InetAddress address = address(host);
        Memory.checkFile(model);
        ServeAnswers answers = new ServeAnswers(ModelFile.load(model), model);
        PrintWriter w = spec.commandLine().getOut();
        try (PredictServer server = PredictServer.start(answers, address, port)) {
            // Ctrl-C runs the hooks: the requests being answered finish, then the JVM ends.
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "jgrad-serve-stop"));
            w.println("jgrad serve: " + server.uri() + " (POST /predict, GET /model, GET /health; Ctrl-C stops it)");
            if (w.checkError() || System.out.checkError()) {
                return Errors.RUNTIME;
            }
            server.join();
        }
        return 0;
    }

    /** {@code --host} as an address: a literal, or a name this machine resolves; else a usage error naming it. */
    static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + ": not an address this machine knows (127.0.0.1, ::1, "
                    + "0.0.0.0 for every interface, or a name that resolves)");
        }
    }
}
