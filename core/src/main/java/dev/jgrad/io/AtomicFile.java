package dev.jgrad.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that a crash leaves the old file or the new one, never half of one: the content
 * goes to a temporary file beside the target, which then replaces it by a rename. Errors name the
 * target, never the temporary file the user did not ask for.
 *
 * <p>Only regular files are replaced. With {@link #writeAll}, for files a user names, a symbolic link
 * is followed: the file it names is replaced (atomically, beside it) and the link stays a link, but
 * no directory is made for a link's target. A device, a FIFO or a pipe ({@code /dev/stdout},
 * {@code /dev/fd/63} from a shell's {@code >(…)}, a named pipe) is written through, in place, as a
 * shell's {@code >} would. With {@link #replaceAll}, for folders jgrad owns, a link is replaced by
 * the new file and what it named is left alone. A temporary file left by a process that was killed
 * mid-write is removed by the next write of the same file.
 */
public final class AtomicFile {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long STARTED = System.nanoTime() ^ System.currentTimeMillis() << 20;

    /** Fills the temporary file; it replaces the target only if this returns normally. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param temporary the file to fill, beside the target
         * @throws IOException when it cannot be written
         */
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code text} (UTF-8) to {@code file}, creating its directory if needed.
     *
     * @param file the file to replace
     * @param text what it will hold
     * @throws IOException when it cannot be written; the message names the file
     */
    public static void write(Path file, String text) throws IOException {
        write(file, text(text));
    }

    /**
     * Lets {@code content} write a temporary file beside {@code file} (it may also hand the path to
     * another program), then renames it over {@code file}; on failure the temporary file is deleted.
     *
     * @param file the file to replace
     * @param content what writes the temporary file
     * @throws IOException when it cannot be written; the message names the file
     */
    public static void write(Path file, Content content) throws IOException {
        writeAll(Map.of(file, content));
    }

    /**
     * Writes several files that belong together (a model and its metrics): every one goes to its
     * temporary file first, and only when all are complete are they renamed into place, so a
     * failure while writing leaves all the old files and none of the new.
     *
     * @param files each file and its content, written in order
     * @throws IOException when it cannot be written; the message names the file
     */
    public static void writeAll(Map<Path, Content> files) throws IOException {
        writeAll(files, true);
    }

    /**
     * As {@link #writeAll}, for files in a folder jgrad owns: a symbolic link (or a FIFO) at one of
     * the names is replaced by the new file, and whatever it named is neither written nor created.
     *
     * @param files each file and its content, written in order
     * @throws IOException when it cannot be written; the message names the file
     */
    public static void replaceAll(Map<Path, Content> files) throws IOException {
        writeAll(files, false);
    }

    private static void writeAll(Map<Path, Content> files, boolean follow) throws IOException {
        Map<Path, Path> temporaries = new LinkedHashMap<>();
        Map<Path, Path> targets = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, Content> f : files.entrySet()) {
                Path given = f.getKey();
                try {
                    if (follow && special(given)) {
                        f.getValue().writeTo(given);   // a device or a pipe: there is nothing to replace
                        continue;
                    }
                    Path target = follow ? followLinks(given) : given;
                    Path temp = temporary(target, target.equals(given));
                    temporaries.put(target, temp);
                    targets.put(target, given);
                    f.getValue().writeTo(temp);
                } catch (IOException e) {
                    throw named(given, e);
                }
            }
            for (Map.Entry<Path, Path> t : temporaries.entrySet()) {
                move(t.getValue(), t.getKey(), targets.get(t.getKey()));
            }
        } finally {
            for (Path temp : temporaries.values()) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** {@code e} as a message that starts with the file the user named (a full disk names none). */
    static IOException named(Path file, IOException e) {
        if (e instanceof FileSystemException fs) {
            return new IOException(file + ": " + reason(fs), e);
        }
        String m = e.getMessage();
        return m != null && m.startsWith(file.toString()) ? e : new IOException(file + ": " + lower(m == null ? e.getClass().getSimpleName() : m), e);
    }

    /**
     * Texts to write with {@link #writeAll}, in order.
     *
     * @param file1 the first file
     * @param text1 its text
     * @param file2 the second file
     * @param text2 its text
     * @return the two, in order
     */
    public static Map<Path, Content> texts(Path file1, String text1, Path file2, String text2) {
        Map<Path, Content> files = new LinkedHashMap<>();
        files.put(file1, text(text1));
        files.put(file2, text(text2));
        return files;
    }

    private static Content text(String text) {
        return temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8);
    }

    /** The file a chain of symbolic links ends at (which need not exist yet), or {@code file} itself. */
    private static Path followLinks(Path file) throws IOException {
        Path p = file;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new IOException(file + ": too many levels of symbolic links");
            }
            Path parent = p.toAbsolutePath().getParent();
            p = parent.resolve(Files.readSymbolicLink(p));
        }
        return p;
    }

    /** Something that exists and is neither a regular file nor a directory: a device, a FIFO, a socket. */
    private static boolean special(Path p) {
        return Files.exists(p) && !Files.isRegularFile(p) && !Files.isDirectory(p) || isDevice(p);
    }

    /**
     * {@code /dev/stdout}, {@code /dev/fd/N}, {@code /proc/self/fd/N}: links the kernel resolves to an
     * open file (often a pipe, named {@code pipe:[N]}, which no path reaches); never replaced.
     */
    private static boolean isDevice(Path p) {
        Path a = p.toAbsolutePath().normalize();
        return a.startsWith("/dev/") || a.startsWith("/proc/");
    }

    /** A new name beside {@code file}; its folder is made only when {@code file} is the name given. */
    private static Path temporary(Path file, boolean given) throws IOException {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + ": is a directory");
        }
        if (file.getFileName() == null) {
            throw new IOException(file + ": names a directory, not a file");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (given) {
            Files.createDirectories(dir);
        } else if (!Files.isDirectory(dir)) {
            throw new IOException("a link to " + file + ", whose folder does not exist");
        }
        removeAbandoned(dir, file.getFileName().toString());
        // Named, not created: Files.createTempFile would make it owner-only, and the rename keeps that.
        return dir.resolve(prefix(file.getFileName().toString()) + unique() + ".tmp");
    }

    /**
     * A name no other writer uses: this process's id (unique among live processes, and read back by
     * {@link #removeAbandoned}), a counter (unique within it) and a draw from the clock (for hosts that
     * share a folder).
     */
    static String unique() {
        return ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + "-" + Long.toHexString(STARTED);
    }

    private static String prefix(String name) {
        return "." + name + ".";
    }

    /** Temporaries of {@code name} whose writer is no longer running: a kill -9 mid-write left them. */
    private static void removeAbandoned(Path dir, String name) {
        String prefix = prefix(name);
        try (var entries = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path p : entries) {
                String id = p.getFileName().toString().substring(prefix.length());
                int dash = id.indexOf('-');
                long pid = dash > 0 && id.substring(0, dash).chars().allMatch(Character::isDigit) ? Long.parseLong(id.substring(0, dash)) : -1;
                if (pid > 0 && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidying is a courtesy: it must never stop the write the user asked for.
        }
    }

    private static void move(Path temp, Path file, Path named) throws IOException {
        try {
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw new IOException(named + ": " + reason(e), e);
        }
    }

    private static String lower(String r) {
        return r.isEmpty() ? r : Character.toLowerCase(r.charAt(0)) + r.substring(1);
    }

    /**
     * What went wrong, in words: the JDK's file errors often carry only a path as their message.
     *
     * @param e the error
     * @return its reason, or a phrase for its kind
     */
    public static String reason(FileSystemException e) {
        if (e.getReason() != null) {
            return lower(e.getReason());
        }
        return switch (e.getClass().getSimpleName()) {
            case "NoSuchFileException" -> "no such file or directory";
            case "AccessDeniedException" -> "permission denied";
            case "FileAlreadyExistsException" -> "already exists (and is not a directory)";
            case "NotDirectoryException" -> "not a directory";
            case "DirectoryNotEmptyException" -> "directory not empty";
            default -> e.getClass().getSimpleName();
        };
    }
}
