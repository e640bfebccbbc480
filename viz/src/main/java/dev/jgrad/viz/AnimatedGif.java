package dev.jgrad.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A looping animated GIF written with the JDK's ImageIO, frame by frame as they come, so an
 * animation of a long training run never holds its frames in memory. Each frame after the first
 * stores only the rectangle that changed, with unchanged pixels transparent. The file appears
 * complete at {@link #finish()}; closing without finishing deletes the partial file.
 *
 * <pre>{@code
 * try (AnimatedGif gif = AnimatedGif.create(Path.of("9_neurons.gif"), 100)) {
 *     for (BufferedImage frame : frames) gif.add(frame);
 *     gif.finish();
 * }
 * }</pre>
 */
public final class AnimatedGif implements AutoCloseable {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final Path target;
    private final Path partial;
    private final int delayMillis;
    private final ImageOutputStream out;
    private final ImageWriter writer;
    private int[] previous;
    private int width;
    private int height;
    private int frames;
    private boolean finished;

    private AnimatedGif(Path target, Path partial, int delayMillis) throws IOException {
        this.target = target;
        this.partial = partial;
        this.delayMillis = delayMillis;
        Files.deleteIfExists(partial);
        this.out = ImageIO.createImageOutputStream(partial.toFile());
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
    }

    /** Starts a GIF at {@code target} that shows each frame for {@code delayMillis} and loops forever. */
    public static AnimatedGif create(Path target, int delayMillis) {
        if (delayMillis < 10 || delayMillis > 655_350) {
            throw new IllegalArgumentException("a frame delay must be 10 ms … 655 s, got " + delayMillis + " ms");
        }
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            return new AnimatedGif(target, dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid()
                    + ".part"), delayMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Appends a frame shown for the default delay. Every frame must have the first one's size. */
    public void add(BufferedImage frame) {
        add(frame, delayMillis);
    }

    /** Appends a frame shown for {@code millis} (rounded to GIF's hundredths of a second). */
    public void add(BufferedImage frame, int millis) {
        if (finished) {
            throw new IllegalStateException("the GIF " + target + " is already finished");
        }
        if (frames > 0 && (frame.getWidth() != width || frame.getHeight() != height)) {
            throw new IllegalArgumentException("frame " + (frames + 1) + " is " + frame.getWidth() + "×" + frame.getHeight()
                    + " but the animation is " + width + "×" + height);
        }
        int[] rgb = IndexedImage.rgb(frame);
        IndexedImage image;
        if (frames == 0) {
            width = frame.getWidth();
            height = frame.getHeight();
            image = IndexedImage.reduce(rgb, width, height, 256);
        } else {
            image = IndexedImage.difference(rgb, previous, width, height);
            if (image == null) {
                image = IndexedImage.unchanged();   // keeps the frame's place and timing
            }
        }
        previous = rgb;
        try {
            write(image, Math.max(1, Math.round(millis / 10f)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        frames++;
    }

    private void write(IndexedImage frame, int centiseconds) throws IOException {
        BufferedImage image = frame.image();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(frame.left));
        descriptor.setAttribute("imageTopPosition", Integer.toString(frame.top));
        colourTable(root, frame);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", frame.transparent ? "TRUE" : "FALSE");
        control.setAttribute("transparentColorIndex", Integer.toString(frame.transparent ? frame.palette.length : 0));
        control.setAttribute("delayTime", Integer.toString(centiseconds));
        if (frames == 0) {
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});   // sub-block 1: loop count 0, forever
            child(root, "ApplicationExtensions").appendChild(loop);
        }
        try {
            meta.setFromTree(FORMAT, root);
        } catch (IIOInvalidTreeException e) {
            throw new IOException("bad GIF metadata: " + e.getMessage(), e);
        }
        writer.writeToSequence(new IIOImage(image, null, meta), param);
    }

    /** Each frame its own palette: ImageIO would otherwise fall back to a fixed web palette. */
    private static void colourTable(IIOMetadataNode root, IndexedImage frame) {
        IIOMetadataNode old = child(root, "LocalColorTable");
        root.removeChild(old);
        IIOMetadataNode table = new IIOMetadataNode("LocalColorTable");
        int entries = frame.palette.length + (frame.transparent ? 1 : 0);
        int size = 2;
        while (size < entries) {
            size *= 2;
        }
        table.setAttribute("sizeOfLocalColorTable", Integer.toString(size));
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < size; i++) {
            int rgb = i < frame.palette.length ? frame.palette[i] : 0;
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString((rgb >> 16) & 0xff));
            entry.setAttribute("green", Integer.toString((rgb >> 8) & 0xff));
            entry.setAttribute("blue", Integer.toString(rgb & 0xff));
            table.appendChild(entry);
        }
        // The table must come right after the ImageDescriptor.
        root.insertBefore(table, child(root, "ImageDescriptor").getNextSibling());
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** How many frames were added. */
    public int frames() {
        return frames;
    }

    /** Completes the file and moves it into place. */
    public void finish() {
        if (frames == 0) {
            throw new IllegalStateException("the GIF " + target + " has no frames");
        }
        try {
            writer.endWriteSequence();
            out.close();
            writer.dispose();
            finished = true;
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Releases the file; without {@link #finish()} first, the partial GIF is deleted. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            out.close();
            writer.dispose();
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + partial + ": " + e.getMessage(), e);
        }
    }
}
