package org.waymark.pdq;

/**
 * The eight rotations and reflections of an image, whose PDQ hashes follow from the original's DCT without
 * hashing again: mirroring columns multiplies a coefficient of column frequency k by (-1)^k, mirroring rows
 * does the same by row frequency, and a transpose swaps the indices. Matching against all eight finds
 * content that was rotated or flipped before being re-uploaded.
 */
public enum Dihedral {
    ORIGINAL(false, false, false),
    /** Mirrored left to right. */
    FLIP_X(false, true, false),
    /** Mirrored top to bottom. */
    FLIP_Y(false, false, true),
    ROTATE_180(false, true, true),
    /** Reflected in the main diagonal (transpose). */
    FLIP_PLUS_1(true, false, false),
    /** Turned a quarter clockwise: transpose, then mirror left to right. */
    ROTATE_90(true, true, false),
    /** Turned a quarter anticlockwise: transpose, then mirror top to bottom. */
    ROTATE_270(true, false, true),
    /** Reflected in the anti-diagonal. */
    FLIP_MINUS_1(true, true, true);

    private final boolean transpose;
    private final boolean mirrorColumns;
    private final boolean mirrorRows;

    Dihedral(boolean transpose, boolean mirrorColumns, boolean mirrorRows) {
        this.transpose = transpose;
        this.mirrorColumns = mirrorColumns;
        this.mirrorRows = mirrorRows;
    }

    /** The 16x16 DCT block of the transformed image, from the original's. */
    float[][] apply(float[][] dct) {
        int n = dct.length;
        float[][] out = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float value = transpose ? dct[j][i] : dct[i][j];
                // Index i holds frequency i + 1, so even indices are odd frequencies, which change sign.
                if (mirrorColumns && j % 2 == 0) {
                    value = -value;
                }
                if (mirrorRows && i % 2 == 0) {
                    value = -value;
                }
                out[i][j] = value;
            }
        }
        return out;
    }
}
