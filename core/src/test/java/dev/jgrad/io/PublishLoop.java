package dev.jgrad.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A second writer for {@link RunFilesTest}, run as a process of its own: publishes {@code rounds}
 * runs into a folder and checks after each that a whole pair is in place; exits 3 if not.
 */
final class PublishLoop {
    private PublishLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[2]);
        for (int r = 0; r < rounds; r++) {
            RunFiles.publish(dir, pair(args[1] + "-" + r));
            if (!Files.readString(dir.resolve("model.json")).startsWith("model of ")
                    || !Files.readString(dir.resolve("metrics.csv")).startsWith("metrics of ")) {
                System.exit(3);
            }
        }
    }

    static Map<String, String> pair(String run) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("model.json", "model of " + run);
        files.put("metrics.csv", "metrics of " + run);
        return files;
    }
}
