package dev.jgrad.cli;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the desktop's browser on a page, where there is a desktop: {@code java.awt.Desktop} when it
 * can browse, else the platform's opener ({@code open} on macOS, {@code xdg-open} on Linux and the BSDs
 * when a display is set, Windows' URL handler).
 */
final class Browser {
    private Browser() {
    }

    /** Opens {@code page}; answers what happened in one line for the user. */
    static String open(URI page) {
        if (desktopBrowses()) {
            try {
                java.awt.Desktop.getDesktop().browse(page);
                return "opened " + page + " in the desktop's browser";
            } catch (IOException | RuntimeException e) {
                // fall through to the platform's opener
            }
        }
        Optional<List<String>> command = command(System.getProperty("os.name", ""), System.getenv(), Browser::onPath, page);
        if (command.isEmpty()) {
            return "no desktop browser here (no display); open " + page + " in a browser yourself";
        }
        try {
            new ProcessBuilder(command.get()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return "asked " + command.get().get(0) + " to open " + page;
        } catch (IOException e) {
            return "could not start " + command.get().get(0) + " (" + e.getMessage() + "); open " + page + " yourself";
        }
    }

    /** The opener's command line on this platform, or empty where nothing could show a page. */
    static Optional<List<String>> command(String os, Map<String, String> env, java.util.function.Predicate<String> onPath, URI page) {
        String name = os.toLowerCase(Locale.ROOT);
        if (name.startsWith("mac")) {
            return Optional.of(List.of("open", page.toString()));
        }
        if (name.startsWith("windows")) {
            return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", page.toString()));
        }
        boolean display = notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
        return display && onPath.test("xdg-open") ? Optional.of(List.of("xdg-open", page.toString())) : Optional.empty();
    }

    /**
     * Whether AWT's Desktop can browse. The jgrad command runs AWT headless (its pictures are drawn
     * off-screen), and a headless AWT has no Desktop: there the platform's opener does the job, which is
     * what Desktop itself runs on Linux.
     */
    private static boolean desktopBrowses() {
        try {
            if (java.awt.GraphicsEnvironment.isHeadless()) {
                return false;
            }
            return java.awt.Desktop.isDesktopSupported() && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE);
        } catch (RuntimeException | LinkageError e) {
            return false;   // no AWT in this runtime: the platform's opener may still work
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
