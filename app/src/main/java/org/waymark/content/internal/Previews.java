package org.waymark.content.internal;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/** Safe, small copies of captured images for the analyst's page. */
final class Previews {

    /** Refuses to decode anything claiming more pixels than this (a decompression bomb). */
    static final long MAX_PIXELS = 50_000_000L;

    private Previews() {
    }

    /** The image redrawn to fit {@code max} pixels each way, as a new PNG; null if it is not an image Java can read. */
    static byte[] downscaled(byte[] bytes, int max) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (input == null) {
                return null;
            }
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    return null;
                }
                BufferedImage image = reader.read(0);
                double scale = Math.min(1.0, (double) max / Math.max(image.getWidth(), image.getHeight()));
                int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
                int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
                var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                var g = out.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, w, h, null);
                g.dispose();
                var png = new ByteArrayOutputStream();
                ImageIO.write(out, "png", png);
                return png.toByteArray();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
