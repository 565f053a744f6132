package org.waymark.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.waymark.pdq.PdqHasher;

/**
 * Images hashed per second, decoding included, on all cores: every image under the given folders, hashed
 * for --seconds after a warm-up. Usage: {@code [--threads T] [--seconds S] FOLDER...}.
 */
public final class PdqHashBench {

    private PdqHashBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = PdqIndexBench.intArg(args, "--threads", Runtime.getRuntime().availableProcessors());
        int seconds = PdqIndexBench.intArg(args, "--seconds", 20);
        List<Path> images;
        try (Stream<Path> files = Stream.of(args).filter(a -> !a.startsWith("--") && Files.isDirectory(Path.of(a)))
                .flatMap(PdqHashBench::walk)) {
            images = files.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png|gif|bmp)$")).sorted().toList();
        }
        if (images.isEmpty()) {
            System.err.println("usage: PdqHashBench [--threads T] [--seconds S] FOLDER...  (no images found)");
            System.exit(2);
        }
        run(images, threads, 5);
        double rate = run(images, threads, seconds);
        System.out.printf("PDQ: %.1f images per second on %d threads (%d images, decoding included, %d s)%n",
                rate, threads, images.size(), seconds);
    }

    private static Stream<Path> walk(String dir) {
        try {
            return Files.walk(Path.of(dir)).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double run(List<Path> images, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var done = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<?>> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            workers.add(pool.submit(() -> {
                var hasher = new PdqHasher();
                int i = offset;
                while (System.nanoTime() < end) {
                    try (InputStream in = Files.newInputStream(images.get(i % images.size()))) {
                        hasher.hash(in);
                    }
                    done.incrementAndGet();
                    i += threads;
                }
                return null;
            }));
        }
        for (var w : workers) {
            w.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
