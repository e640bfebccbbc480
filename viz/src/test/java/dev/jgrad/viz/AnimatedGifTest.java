package dev.jgrad.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimatedGifTest {
    @TempDir
    Path dir;

    /** A picture of a few flat colours, with one square moved per frame. */
    private static BufferedImage frame(int k) {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0xf7f7f7));
        g.fillRect(0, 0, 120, 80);
        g.setColor(new Color(0x2166ac));
        g.fillRect(10 + 20 * k, 20, 30, 30);
        g.setColor(new Color(0xb2182b));
        g.fillRect(0, 70, 120, 10);
        g.dispose();
        return image;
    }

    @Test
    void framesDecodeAsTheyWereDrawnWithTheirDelaysAndTheAnimationLoops() throws IOException {
        Path file = dir.resolve("a.gif");
        try (AnimatedGif gif = AnimatedGif.create(file, 100)) {
            for (int k = 0; k < 4; k++) {
                gif.add(frame(k), k == 3 ? 2000 : 100);
            }
            gif.add(frame(3));   // an unchanged frame still counts
            gif.finish();
            assertThat(gif.frames()).isEqualTo(5);
        }
        GifFrames decoded = new GifFrames(file);
        assertThat(decoded.width).isEqualTo(120);
        assertThat(decoded.height).isEqualTo(80);
        assertThat(decoded.frames).hasSize(5);
        assertThat(decoded.delays).containsExactly(100, 100, 100, 2000, 100);
        assertThat(decoded.loops).isTrue();
        for (int k = 0; k < 5; k++) {
            assertThat(IndexedImage.rgb(decoded.frames.get(k))).as("frame %d", k).isEqualTo(IndexedImage.rgb(frame(Math.min(k, 3))));
        }
    }

    @Test
    void aPictureWithThousandsOfColoursKeepsItsFrequentColoursExactly() {
        Rng random = new Rng(7);
        int[] rgb = new int[100 * 100];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = i < 6000 ? 0x2166ac : random.nextInt(0x1000000);
        }
        IndexedImage reduced = IndexedImage.reduce(rgb, 100, 100, 256);
        assertThat(reduced.palette).hasSize(256).contains(0x2166ac);
        for (int i = 0; i < 6000; i++) {
            assertThat(reduced.palette[reduced.pixels[i] & 0xff]).isEqualTo(0x2166ac);
        }
    }

    @Test
    void closingWithoutFinishingLeavesNoFile() {
        Path file = dir.resolve("b.gif");
        try (AnimatedGif gif = AnimatedGif.create(file, 100)) {
            gif.add(frame(0));
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aFrameOfAnotherSizeIsRefused() {
        try (AnimatedGif gif = AnimatedGif.create(dir.resolve("c.gif"), 100)) {
            gif.add(frame(0));
            assertThatThrownBy(() -> gif.add(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame 2 is 10×10");
        }
    }
}
