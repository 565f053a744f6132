package org.waymark.content.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Images decoded only after their header's size is checked: a file of a hundred bytes can claim billions of pixels
 * (a decompression bomb), and Java allocates the whole raster before it reads a pixel.
 */
final class BoundedImages {

    /** Refuses to decode anything claiming more pixels than this: 50 megapixels, above any camera a phone has. */
    static final long MAX_PIXELS = 50_000_000L;

    /** The image claims more than {@link #MAX_PIXELS}; nothing was decoded. */
    static final class TooLarge extends Exception {
        TooLarge(long pixels) {
            super("the image claims " + pixels + " pixels, more than " + MAX_PIXELS);
        }
    }

    private BoundedImages() {
    }

    /** The first image in the bytes, or null if Java cannot read the format. */
    static BufferedImage read(byte[] bytes) throws IOException, TooLarge {
        try (var input = new javax.imageio.stream.MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new TooLarge(pixels);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
