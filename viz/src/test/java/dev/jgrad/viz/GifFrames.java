package dev.jgrad.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/** Decodes an animated GIF as a viewer shows it: each frame drawn over the ones before. */
public final class GifFrames {
    public final int width;
    public final int height;
    public final List<BufferedImage> frames = new ArrayList<>();
    public final List<Integer> delays = new ArrayList<>();
    public final boolean loops;

    public GifFrames(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        loops = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("NETSCAPE2.0");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int n = reader.getNumImages(true);
            IIOMetadataNode screen = child((IIOMetadataNode) reader.getStreamMetadata()
                    .getAsTree("javax_imageio_gif_stream_1.0"), "LogicalScreenDescriptor");
            width = Integer.parseInt(screen.getAttribute("logicalScreenWidth"));
            height = Integer.parseInt(screen.getAttribute("logicalScreenHeight"));
            BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            for (int i = 0; i < n; i++) {
                IIOMetadataNode meta = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode d = child(meta, "ImageDescriptor");
                delays.add(10 * Integer.parseInt(child(meta, "GraphicControlExtension").getAttribute("delayTime")));
                BufferedImage part = reader.read(i);
                var g = canvas.createGraphics();
                g.drawImage(part, Integer.parseInt(d.getAttribute("imageLeftPosition")),
                        Integer.parseInt(d.getAttribute("imageTopPosition")), null);
                g.dispose();
                BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                copy.getGraphics().drawImage(canvas, 0, 0, null);
                frames.add(copy);
            }
            reader.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        return (IIOMetadataNode) root.getElementsByTagName(name).item(0);
    }
}
