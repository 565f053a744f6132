package org.waymark.access.internal;

import java.security.SecureRandom;

/**
 * Passwords an administrator hands over once (a reset): long, random, and easy to read aloud or type, so
 * the alphabet leaves out characters that look alike (0 and O, 1, l and I).
 */
final class OneTimePasswords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePasswords() {
    }

    /** Four groups of four, joined by hyphens: about 92 bits. */
    static String generate() {
        var out = new StringBuilder();
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                out.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return out.toString();
    }
}
