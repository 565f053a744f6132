package org.waymark.pdq;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code pdq hash FILE...}: one {@code hash,quality,path} line per image, as the reference tools print. */
public final class PdqCommand {

    private PdqCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[0].equals("hash")) {
            err.println("usage: pdq hash FILE...");
            return 2;
        }
        var hasher = new PdqHasher();
        int failures = 0;
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            try (InputStream in = Files.newInputStream(file)) {
                var result = hasher.hash(in);
                out.println(result.hash().toHex() + "," + result.quality() + "," + args[i]);
            } catch (NoSuchFileException e) {
                err.println("pdq: " + args[i] + ": no such file");
                failures++;
            } catch (IOException | RuntimeException e) {
                err.println("pdq: " + args[i] + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
