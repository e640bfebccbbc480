package dev.jgrad.io;

import java.nio.file.Path;

/** For {@link AtomicFileTest}, run as a process of its own: writes {@code args[1]} to the file {@code args[0]}. */
final class WriteFile {
    private WriteFile() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFile.write(Path.of(args[0]), args[1]);
    }
}
