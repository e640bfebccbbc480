package dev.jgrad.viz;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.Arrays;

/**
 * An RGB picture reduced to at most 256 colours for GIF and palette PNG. The pictures here are a
 * few flat colours plus anti-aliasing blends, so the most frequent colours are kept exactly and the
 * rare blends go to their nearest kept colour: fast (a sort and binary searches, no octree) and
 * exact where it shows. ImageIO's own reduction took most of a second per frame.
 */
final class IndexedImage {
    final int width;
    final int height;
    /** Colour index per pixel, row-major. */
    final byte[] pixels;
    /** The colours, RGB; the index {@code palette.length} is transparent when {@link #transparent} is set. */
    final int[] palette;
    final boolean transparent;
    /** Where this frame sits in the whole picture (a {@linkplain #difference difference} is cropped). */
    final int left;
    final int top;

    private IndexedImage(int width, int height, byte[] pixels, int[] palette, boolean transparent, int left, int top) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.palette = palette;
        this.transparent = transparent;
        this.left = left;
        this.top = top;
    }

    static int[] rgb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** {@code rgb} (width × height, row-major) in at most {@code colours} colours. */
    static IndexedImage reduce(int[] rgb, int width, int height, int colours) {
        ColourTable table = new ColourTable();
        int[] slot = new int[rgb.length];
        int last = -1;
        int lastSlot = -1;
        for (int i = 0; i < rgb.length; i++) {
            int c = rgb[i] & 0xffffff;
            // Flat areas repeat the previous pixel's colour: skip the lookup.
            if (c != last) {
                last = c;
                lastSlot = table.slot(c);
            }
            table.count[lastSlot]++;
            slot[i] = lastSlot;
        }
        int[] palette = mostFrequent(table.colour, table.count, table.size, colours);
        byte[] indexOf = new byte[table.size];
        for (int d = 0; d < table.size; d++) {
            indexOf[d] = (byte) nearest(palette, table.colour[d]);
        }
        byte[] pixels = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            pixels[i] = indexOf[slot[i]];
        }
        return new IndexedImage(width, height, pixels, palette, false, 0, 0);
    }

    /** The distinct colours in order of first appearance, each with its pixel count; open addressing. */
    private static final class ColourTable {
        int[] colour = new int[256];
        int[] count = new int[256];
        int size;
        private int[] keys = new int[1024];   // colour + 1, 0 for empty
        private int[] slots = new int[1024];

        int slot(int c) {
            int mask = keys.length - 1;
            for (int h = hash(c) & mask; ; h = (h + 1) & mask) {
                if (keys[h] == c + 1) {
                    return slots[h];
                }
                if (keys[h] == 0) {
                    if (size == colour.length) {
                        colour = Arrays.copyOf(colour, size * 2);
                        count = Arrays.copyOf(count, size * 2);
                    }
                    colour[size] = c;
                    keys[h] = c + 1;
                    slots[h] = size;
                    if (++size * 2 > keys.length) {
                        rehash();
                    }
                    return size - 1;
                }
            }
        }

        private static int hash(int c) {
            int h = c * 0x9E3779B1;
            return h ^ (h >>> 16);
        }

        private void rehash() {
            int[] oldKeys = keys;
            int[] oldSlots = slots;
            keys = new int[oldKeys.length * 2];
            slots = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int h = hash(oldKeys[i] - 1) & mask;
                    while (keys[h] != 0) {
                        h = (h + 1) & mask;
                    }
                    keys[h] = oldKeys[i];
                    slots[h] = oldSlots[i];
                }
            }
        }
    }

    private static int[] mostFrequent(int[] colour, int[] count, int n, int k) {
        if (n <= k) {
            return Arrays.copyOf(colour, n);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(count[b], count[a]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = colour[order[i]];
        }
        return out;
    }

    private static int nearest(int[] palette, int c) {
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int dr = ((c >> 16) & 0xff) - ((palette[i] >> 16) & 0xff);
            int dg = ((c >> 8) & 0xff) - ((palette[i] >> 8) & 0xff);
            int db = (c & 0xff) - (palette[i] & 0xff);
            int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /**
     * The part of this frame that differs from {@code previous} (same size, RGB): cropped to the
     * changed rectangle, unchanged pixels inside it transparent, so an animation stores only what
     * moved. Null when nothing changed.
     */
    static IndexedImage difference(int[] rgb, int[] previous, int width, int height) {
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (((rgb[y * width + x] ^ previous[y * width + x]) & 0xffffff) != 0) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return null;
        }
        int w = x1 - x0 + 1;
        int h = y1 - y0 + 1;
        int[] crop = new int[w * h];
        boolean[] same = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int at = (y0 + y) * width + x0 + x;
                crop[y * w + x] = rgb[at];
                same[y * w + x] = ((rgb[at] ^ previous[at]) & 0xffffff) == 0;
            }
        }
        IndexedImage reduced = reduce(crop, w, h, 255);
        byte clear = (byte) reduced.palette.length;
        for (int i = 0; i < same.length; i++) {
            if (same[i]) {
                reduced.pixels[i] = clear;
            }
        }
        return new IndexedImage(w, h, reduced.pixels, reduced.palette, true, x0, y0);
    }

    /** A frame that changes nothing: one transparent pixel. */
    static IndexedImage unchanged() {
        return new IndexedImage(1, 1, new byte[] {1}, new int[] {0}, true, 0, 0);
    }

    /** A TYPE_BYTE_INDEXED image over {@link #pixels} (shared, not copied). */
    BufferedImage image() {
        int size = palette.length + (transparent ? 1 : 0);
        int bits = 8;
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        IndexColorModel model = transparent
                ? new IndexColorModel(bits, size, r, g, b, palette.length)
                : new IndexColorModel(bits, size, r, g, b);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, data, 0, pixels.length);
        return image;
    }
}
