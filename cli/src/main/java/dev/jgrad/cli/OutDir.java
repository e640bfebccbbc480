package dev.jgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output directory checked before a long run starts, so that a typo costs a second and not a
 * training run, and tidied after a failed run, so that a failure leaves no empty directory behind.
 */
final class OutDir {
    private final Path dir;
    /** The outermost directory this run will create, or null when {@code dir} exists already. */
    private final Path created;

    private OutDir(Path dir, Path created) {
        this.dir = dir;
        this.created = created;
    }

    /**
     * Checks that {@code option}'s directory {@code dir} exists or can be created and that none of
     * {@code files} in it is a directory; a problem is a usage error naming the option.
     */
    static OutDir check(String option, Path dir, String... files) {
        if (dir.toString().isBlank()) {
            throw new IllegalArgumentException(option + " is empty; give a directory, e.g. " + option + " out/train");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + ": is a file, not a directory");
        }
        for (String f : files) {
            if (Files.isDirectory(dir.resolve(f))) {
                throw new IllegalArgumentException(option + " " + dir + ": " + dir.resolve(f) + " is a directory, not a file");
            }
        }
        Path created = null;
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            created = existing;
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + dir + ": cannot be created, " + existing + " is a file");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException(option + " " + dir + ": cannot write into " + existing + " (permission denied)");
        }
        return new OutDir(dir, created);
    }

    /**
     * Checks an output file option before any work: absent or {@code -} (standard output) is fine; a
     * path naming a directory is a usage error that says what to give instead.
     */
    static void checkFile(String option, Path file, String example) {
        if (file == null || file.toString().equals("-")) {
            return;
        }
        if (file.getFileName() == null || Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory; give a file, e.g. " + option + " " + example);
        }
    }

    Path resolve(String file) {
        return dir.resolve(file);
    }

    /** After a failure: removes the directories this run created, if they are still empty. */
    void removeIfEmpty() {
        if (created == null) {
            return;
        }
        for (Path p = dir.toAbsolutePath().normalize(); p != null && p.startsWith(created); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty, or not ours to delete: tidying up must not hide the failure being reported
            }
        }
    }
}
