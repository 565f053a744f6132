package org.waymark.content.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.waymark.pdq.VpdqFeature;
import org.waymark.pdq.VpdqHasher;

/**
 * vPDQ for captured videos. FFmpeg reads files, so the bytes go to a temporary file only this process's user can
 * read, deleted as soon as the frames are hashed; the frames are hashed on a pool of one thread a core, shared by
 * every capture, so parallel uploads queue instead of multiplying threads.
 */
@Component
class VideoHasher implements DisposableBean {

    private final ExecutorService workers;
    private final VpdqHasher hasher;
    private final double secondsPerHash;

    VideoHasher(ContentProperties properties) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.workers = Executors.newFixedThreadPool(cores, Thread.ofPlatform().name("vpdq-", 0).daemon().factory());
        this.hasher = new VpdqHasher(workers, cores);
        this.secondsPerHash = properties.vpdqSecondsPerHash();
    }

    List<VpdqFeature> hash(byte[] video) throws IOException {
        Path file = Files.createTempFile("waymark-video-", ".bin", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(file, video);
            return hasher.hash(file, secondsPerHash, 0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
