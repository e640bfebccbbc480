package dev.jgrad.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The playground's static site, read once from the resource folder {@code dev/jgrad/web/site/} (in the
 * shaded jar, or the web module's classes folder during the build) into memory: a few hundred
 * kilobytes. Serving from this map, keyed by the exact relative names, means that no request path can
 * reach a file outside the site, however it is spelt.
 */
final class Site {
    static final String RESOURCE = "dev/jgrad/web/site/";

    private final Map<String, byte[]> files;
    private final Map<String, String> tags = new TreeMap<>();

    Site(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.files.forEach((name, bytes) -> tags.put(name, tag(bytes)));
    }

    /** The site the classpath holds; fails naming the resource folder when the jar was built without it. */
    static Site load() {
        URL index = Site.class.getClassLoader().getResource(RESOURCE + "index.html");
        if (index == null) {
            throw new IllegalStateException("the playground's site (" + RESOURCE + ") is not in this jar; rebuild it with ./mvnw package");
        }
        try {
            Map<String, byte[]> files = new TreeMap<>();
            if (index.getProtocol().equals("jar")) {
                readJar(index, files);
            } else {
                readFolder(Path.of(index.toURI()).getParent(), files);
            }
            return new Site(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(index + ": " + e.getMessage(), e);
        }
    }

    /** The site in a folder (a page being edited, a site written by {@code --out}). */
    static Site read(Path dir) {
        try {
            Map<String, byte[]> files = new TreeMap<>();
            readFolder(dir, files);
            return new Site(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readJar(URL index, Map<String, byte[]> files) throws IOException {
        URLConnection c = index.openConnection();
        c.setUseCaches(false);   // a cached JarFile would stay open (and locked, on Windows) after we close it
        try (JarFile jar = ((JarURLConnection) c).getJarFile()) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(RESOURCE)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(entry.getName().substring(RESOURCE.length()), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static void readFolder(Path dir, Map<String, byte[]> files) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
    }

    /** Relative names ({@code index.html}, {@code engine.js}, …), sorted. */
    Iterable<String> names() {
        return files.keySet();
    }

    int size() {
        return files.size();
    }

    /** The file's bytes, or null when the site has no file of that exact name. */
    byte[] file(String name) {
        return files.get(name);
    }

    /**
     * The file's strong entity tag (quoted, as in an ETag header), or null when the site has no such file: the
     * content's SHA-256, computed once, since the site never changes while it is served. A rebuilt jar's file
     * with other bytes has another tag, so a browser's copy is never taken for it.
     */
    String tag(String name) {
        return tags.get(name);
    }

    static String tag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + HexFormat.of().formatHex(hash, 0, 16) + '"';   // 128 bits tell any two files apart
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    /** The media type a browser needs: ES modules load only as JavaScript. */
    static String contentType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        switch (ext) {
            case "html":
                return "text/html; charset=utf-8";
            case "js":
            case "mjs":
                return "text/javascript; charset=utf-8";
            case "css":
                return "text/css; charset=utf-8";
            case "svg":
                return "image/svg+xml";
            case "png":
                return "image/png";
            case "json":
            case "map":
                return "application/json";
            case "txt":
            case "csv":
                return "text/plain; charset=utf-8";
            case "ico":
                return "image/x-icon";
            default:
                return "application/octet-stream";
        }
    }
}
