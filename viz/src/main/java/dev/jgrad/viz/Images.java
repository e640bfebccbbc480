package dev.jgrad.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writing pictures to files: complete or not at all. */
public final class Images {
    private Images() {
    }

    /**
     * Writes {@code image} as a palette PNG (256 colours; the pictures here use a few dozen plus
     * anti-aliasing, so this is lossless where it shows and about half the size of RGB).
     */
    public static void writePng(BufferedImage image, Path target) {
        IndexedImage reduced = IndexedImage.reduce(IndexedImage.rgb(image), image.getWidth(), image.getHeight(), 256);
        PictureFile.write(target, temporary -> {
            if (!ImageIO.write(reduced.image(), "png", temporary.toFile())) {
                throw new IOException("no PNG writer in this Java");
            }
        });
    }
}
