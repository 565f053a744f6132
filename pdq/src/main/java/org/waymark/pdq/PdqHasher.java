package org.waymark.pdq;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * PDQ (Meta, 2017): a 256-bit perceptual hash of an image. Steps: luminance; a Jarosz filter (box filter
 * applied twice in each direction, window about 1/128 of the dimension); point-sampling to 64x64; the
 * 16x16 lowest-frequency block of the 2-D DCT; one bit per coefficient, set when above the median. The
 * quality (0-100) measures how much gradient the 64x64 image has; hashes under 50 are unreliable.
 */
public final class PdqHasher {

    static final int SIZE = 64;
    static final int DCT = 16;
    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;
    private static final float[][] DCT_MATRIX = dctMatrix();

    /** A hash with the quality of the image it came from. */
    public record Result(Hash256 hash, int quality) {
    }

    public Result hash(InputStream image) throws IOException {
        // In memory: ImageIO.read(InputStream) would otherwise copy every image to a cache file in the temporary folder.
        BufferedImage decoded = ImageIO.read(new MemoryCacheImageInputStream(image));
        if (decoded == null) {
            throw new IOException("not an image format this JVM can decode");
        }
        return hash(decoded);
    }

    public Result hash(BufferedImage image) {
        var all = dihedralHashes(image);
        return new Result(all.hashes()[Dihedral.ORIGINAL.ordinal()], all.quality());
    }

    /** The hashes of the image and of its seven rotations and reflections, indexed by {@link Dihedral#ordinal()}. */
    public record Dihedrals(Hash256[] hashes, int quality) {
        public Hash256 get(Dihedral d) {
            return hashes[d.ordinal()];
        }
    }

    public Dihedrals dihedralHashes(BufferedImage image) {
        return dihedralHashes(luminance(image), image.getHeight(), image.getWidth());
    }

    /**
     * Each pixel's luminance from its sRGB value exactly as {@code getRGB} gives it. The layouts decoders produce
     * most (JPEG's BGR bytes, PNG's ABGR, grey and palette bytes) are read straight from the raster's bytes, through
     * a table of 256 where a colour model stands between byte and colour; getRGB's colour-model call per pixel was
     * most of the time spent. Any other layout goes through getRGB a row at a time.
     */
    static float[] luminance(BufferedImage image) {
        int rows = image.getHeight();
        int cols = image.getWidth();
        float[] luma = new float[rows * cols];
        int type = image.getType();
        boolean bgr = type == BufferedImage.TYPE_3BYTE_BGR;
        if ((bgr || type == BufferedImage.TYPE_4BYTE_ABGR) && packed(image, bgr ? new int[] {2, 1, 0} : new int[] {3, 2, 1, 0})) {
            byte[] bytes = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            int step = bgr ? 3 : 4;
            for (int i = 0, p = step - 3; i < luma.length; i++, p += step) {
                luma[i] = luma(bytes[p + 2] & 0xff, bytes[p + 1] & 0xff, bytes[p] & 0xff);
            }
            return luma;
        }
        if ((type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_BYTE_INDEXED) && packed(image, new int[] {0})) {
            byte[] bytes = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            float[] table = new float[256];
            for (int v = 0; v < 256; v++) {
                int rgb = image.getColorModel().getRGB(new byte[] {(byte) v});
                table[v] = luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
            }
            for (int i = 0; i < luma.length; i++) {
                luma[i] = table[bytes[i] & 0xff];
            }
            return luma;
        }
        int[] row = new int[cols];
        for (int r = 0; r < rows; r++) {
            image.getRGB(0, r, cols, 1, row, 0, cols);
            for (int c = 0; c < cols; c++) {
                int rgb = row[c];
                luma[r * cols + c] = luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
            }
        }
        return luma;
    }

    /** An image whose byte array is exactly its pixels, row after row, bands at these offsets (not a view into a larger one). */
    static boolean packed(BufferedImage image, int[] bandOffsets) {
        var raster = image.getRaster();
        if (!(raster.getDataBuffer() instanceof DataBufferByte data) || data.getNumBanks() != 1 || data.getOffset() != 0
                || raster.getParent() != null || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return false;
        }
        int bands = bandOffsets.length;
        return image.getSampleModel() instanceof PixelInterleavedSampleModel m && m.getPixelStride() == bands
                && m.getScanlineStride() == bands * image.getWidth() && data.getSize() == bands * image.getWidth() * image.getHeight()
                && java.util.Arrays.equals(m.getBandOffsets(), bandOffsets);
    }

    /**
     * The hash of packed 8-bit RGB pixels, three bytes each, rows {@code stride} bytes apart: the form a video
     * decoder hands over a frame, hashed without making an image of it.
     */
    public Result hashRgb(byte[] rgb, int width, int height, int stride) {
        if (width < 1 || height < 1 || stride < 3 * width || rgb.length < (long) stride * (height - 1) + 3L * width) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame does not fit " + rgb.length + " bytes at stride " + stride);
        }
        float[] luma = new float[width * height];
        for (int r = 0; r < height; r++) {
            for (int c = 0, i = r * stride, o = r * width; c < width; c++, i += 3, o++) {
                luma[o] = luma(rgb[i] & 0xff, rgb[i + 1] & 0xff, rgb[i + 2] & 0xff);
            }
        }
        var all = dihedralHashes(luma, height, width);
        return new Result(all.hashes()[Dihedral.ORIGINAL.ordinal()], all.quality());
    }

    private static float luma(int r, int g, int b) {
        return LUMA_R * r + LUMA_G * g + LUMA_B * b;
    }

    /** The eight hashes of a luminance image (row-major, consumed: the filter works in place). */
    private Dihedrals dihedralHashes(float[] luma, int rows, int cols) {
        float[][] small = downsample(luma, rows, cols);
        int quality = quality(small);
        float[][] dct = dct(small);
        var hashes = new Hash256[Dihedral.values().length];
        for (Dihedral d : Dihedral.values()) {
            hashes[d.ordinal()] = Hash256.fromCoefficients(d == Dihedral.ORIGINAL ? dct : d.apply(dct));
        }
        return new Dihedrals(hashes, quality);
    }

    /** Jarosz filter, then the centre sample of each of 64x64 cells. */
    static float[][] downsample(float[] luma, int rows, int cols) {
        float[] scratch = new float[luma.length];
        int windowAlongRows = windowSize(cols);
        int windowAlongCols = windowSize(rows);
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < rows; r++) {
                box(luma, scratch, cols, r * cols, 1, windowAlongRows);
            }
            boxColumns(scratch, luma, rows, cols, windowAlongCols);
        }
        float[][] out = new float[SIZE][SIZE];
        for (int i = 0; i < SIZE; i++) {
            int r = (int) ((i + 0.5) * rows / SIZE);
            for (int j = 0; j < SIZE; j++) {
                int c = (int) ((j + 0.5) * cols / SIZE);
                out[i][j] = luma[r * cols + c];
            }
        }
        return out;
    }

    static int windowSize(int dimension) {
        return (dimension + 2 * SIZE - 1) / (2 * SIZE);
    }

    /**
     * A moving average of {@code window} samples centred on each output, over {@code length} samples
     * {@code stride} apart; at the ends the window is cut short and the average taken over what is inside.
     */
    static void box(float[] in, float[] out, int length, int start, int stride, int window) {
        int half = (window + 2) / 2;
        int lead = half - 1;
        int fill = window - half + 1;
        int slide = length - window;
        int tail = half - 1;
        int left = start;
        int right = start;
        int output = start;
        float sum = 0;
        int count = 0;
        for (int k = 0; k < lead; k++) {
            sum += in[right];
            count++;
            right += stride;
        }
        for (int k = 0; k < fill; k++) {
            sum += in[right];
            count++;
            out[output] = sum / count;
            right += stride;
            output += stride;
        }
        for (int k = 0; k < slide; k++) {
            sum += in[right];
            sum -= in[left];
            out[output] = sum / count;
            left += stride;
            right += stride;
            output += stride;
        }
        for (int k = 0; k < tail; k++) {
            sum -= in[left];
            count--;
            out[output] = sum / count;
            left += stride;
            output += stride;
        }
    }

    /**
     * {@link #box} down every column at once, walking the rows in memory order: each column gets exactly
     * the same additions, subtractions and divisions in the same order (so the same floats), but the
     * image is read a row at a time instead of a column at a time, which large images make very slow.
     */
    static void boxColumns(float[] in, float[] out, int rows, int cols, int window) {
        int half = (window + 2) / 2;
        int lead = half - 1;
        int fill = window - half + 1;
        int slide = rows - window;
        int tail = half - 1;
        float[] sum = new float[cols];
        int left = 0;
        int right = 0;
        int output = 0;
        int count = 0;
        for (int k = 0; k < lead; k++, right++) {
            count++;
            for (int c = 0, i = right * cols; c < cols; c++, i++) {
                sum[c] += in[i];
            }
        }
        for (int k = 0; k < fill; k++, right++, output++) {
            count++;
            for (int c = 0, i = right * cols, o = output * cols; c < cols; c++, i++, o++) {
                sum[c] += in[i];
                out[o] = sum[c] / count;
            }
        }
        for (int k = 0; k < slide; k++, left++, right++, output++) {
            for (int c = 0, i = right * cols, l = left * cols, o = output * cols; c < cols; c++, i++, l++, o++) {
                sum[c] += in[i];
                sum[c] -= in[l];
                out[o] = sum[c] / count;
            }
        }
        for (int k = 0; k < tail; k++, left++, output++) {
            count--;
            for (int c = 0, l = left * cols, o = output * cols; c < cols; c++, l++, o++) {
                sum[c] -= in[l];
                out[o] = sum[c] / count;
            }
        }
    }

    /** Sum of absolute neighbour differences, scaled to 0-100. */
    static int quality(float[][] a) {
        int gradient = 0;
        for (int i = 0; i < SIZE - 1; i++) {
            for (int j = 0; j < SIZE; j++) {
                int d = (int) ((a[i][j] - a[i + 1][j]) * 100 / 255);
                gradient += Math.abs(d);
            }
        }
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE - 1; j++) {
                int d = (int) ((a[i][j] - a[i][j + 1]) * 100 / 255);
                gradient += Math.abs(d);
            }
        }
        return Math.min(100, gradient / 90);
    }

    /** D A D^T with D the 16x64 DCT-II basis (rows 1..16: the DC term is left out). */
    static float[][] dct(float[][] a) {
        float[][] t = new float[DCT][SIZE];
        for (int i = 0; i < DCT; i++) {
            for (int j = 0; j < SIZE; j++) {
                float sum = 0;
                for (int k = 0; k < SIZE; k++) {
                    sum += DCT_MATRIX[i][k] * a[k][j];
                }
                t[i][j] = sum;
            }
        }
        float[][] b = new float[DCT][DCT];
        for (int i = 0; i < DCT; i++) {
            for (int j = 0; j < DCT; j++) {
                float sum = 0;
                for (int k = 0; k < SIZE; k++) {
                    sum += t[i][k] * DCT_MATRIX[j][k];
                }
                b[i][j] = sum;
            }
        }
        return b;
    }

    private static float[][] dctMatrix() {
        float[][] d = new float[DCT][SIZE];
        double scale = Math.sqrt(2.0 / SIZE);
        for (int i = 0; i < DCT; i++) {
            for (int j = 0; j < SIZE; j++) {
                d[i][j] = (float) (scale * Math.cos((Math.PI / 2 / SIZE) * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }
}
