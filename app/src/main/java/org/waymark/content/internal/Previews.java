package org.waymark.content.internal;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/** Safe, small copies of captured images for the analyst's page. */
final class Previews {

    private Previews() {
    }

    /** The image redrawn to fit {@code max} pixels each way, as a new PNG; null if it is not an image Java can read. */
    static byte[] downscaled(byte[] bytes, int max) {
        try {
            BufferedImage image = BoundedImages.read(bytes);
            if (image == null) {
                return null;
            }
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
        } catch (IOException | BoundedImages.TooLarge | RuntimeException e) {
            return null;
        }
    }
}
