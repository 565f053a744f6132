package org.waymark.pdq;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * vPDQ (Meta, 2022): a video's hash is the PDQ hash of each frame (or of one frame every so many seconds) with its
 * frame number, quality and timestamp. One thread decodes; the frames are hashed on the given workers, a bounded
 * number at a time so that a long high-definition video does not hold every decoded frame in memory.
 */
public final class VpdqHasher {

    private final PdqHasher pdq = new PdqHasher();
    private final ExecutorService workers;
    private final int inFlight;

    /** {@code workers} hash frames; {@code parallelism} is how many it runs at once. */
    public VpdqHasher(ExecutorService workers, int parallelism) {
        this.workers = workers;
        this.inFlight = Math.max(1, 2 * parallelism);
    }

    /**
     * Hashes a video. {@code secondsPerHash} 0 hashes every frame; otherwise every frame whose number is a
     * multiple of {@code secondsPerHash x frame rate} (at least 1), as the reference counts. {@code downsample}
     * above 0 hashes frames scaled to that square size.
     */
    public List<VpdqFeature> hash(Path video, double secondsPerHash, int downsample) throws IOException {
        if (!(secondsPerHash >= 0) || downsample < 0) {
            throw new IllegalArgumentException("seconds per hash and downsample size cannot be negative");
        }
        var futures = new ArrayList<Future<VpdqFeature>>();
        var slots = new Semaphore(inFlight);
        try (var frames = new VideoFrames(video, downsample)) {
            double rate = frames.frameRate();
            int every = Math.max(1, (int) (secondsPerHash * rate));
            try {
                frames.decode(every, frame -> {
                    slots.acquireUninterruptibly();
                    try {
                        futures.add(workers.submit(() -> {
                            try {
                                var result = pdq.hashRgb(frame.rgb(), frame.width(), frame.height(), frame.stride());
                                // In float, as the reference computes it, so the printed milliseconds round alike.
                                return new VpdqFeature(frame.number(), result.quality(), result.hash(), (float) frame.number() / (float) rate);
                            } finally {
                                slots.release();
                            }
                        }));
                    } catch (RuntimeException refused) {
                        // The workers were shut down (the service is stopping): no task holds this slot.
                        slots.release();
                        throw refused;
                    }
                });
            } finally {
                // Whatever happened, no task may still be hashing when the caller moves on.
                slots.acquireUninterruptibly(inFlight);
            }
        }
        var features = new ArrayList<VpdqFeature>(futures.size());
        for (var future : futures) {
            features.add(collect(future));
        }
        return features;
    }

    private static VpdqFeature collect(Future<VpdqFeature> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }
}
