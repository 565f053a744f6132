package org.waymark.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Files and folders readable by the service's own user only (0600 and 0700), created that way rather than
 * narrowed afterwards, so there is no moment when another local account could read them.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    private static boolean posix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the folder (and missing parents) as 0700; an existing folder is narrowed to 0700. */
    public static Path folder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!posix(absolute)) {
            return Files.createDirectories(absolute);
        }
        if (Files.isDirectory(absolute)) {
            Files.setPosixFilePermissions(absolute, FOLDER);
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            folder(parent);
        }
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
        } catch (FileAlreadyExistsException raced) {
            Files.setPosixFilePermissions(absolute, FOLDER);
        }
        return absolute;
    }

    /** The secret kept in this file, made by {@code generate} and written 0600 the first time. */
    public static String secret(Path file, Supplier<String> generate) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        folder(file.toAbsolutePath().getParent());
        String generated = generate.get();
        // Written beside the file and moved into place: a crash never leaves half a secret behind.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        write(partial, generated + "\n", StandardOpenOption.CREATE_NEW);
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return generated;
    }

    /** Appends a line to a 0600 file, creating it if need be, and forces it to disk before returning. */
    public static void append(Path file, String line) throws IOException {
        folder(file.toAbsolutePath().getParent());
        write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void write(Path file, String text, StandardOpenOption... options) throws IOException {
        var opts = new java.util.HashSet<>(Set.of(options));
        opts.add(StandardOpenOption.WRITE);
        FileAttribute<?>[] attrs = posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        try (var channel = FileChannel.open(file, opts, attrs)) {
            channel.write(StandardCharsets.UTF_8.encode(text));
            channel.force(true);
        }
    }

    /**
     * Narrows what is already in the folder, two levels down, to 0600 files and 0700 folders: files that other
     * code created with the process's umask (the embedded database's own files), and installations from
     * before files were created private.
     */
    public static void narrow(Path dir) {
        if (!Files.isDirectory(dir) || !posix(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir, 2)) {
            paths.forEach(p -> {
                try {
                    if (Files.isSymbolicLink(p)) {
                        return;
                    }
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? FOLDER : FILE);
                } catch (IOException | SecurityException ignored) {
                    // A file that vanished meanwhile (a lock file) or belongs to someone else: nothing to narrow.
                }
            });
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // The folder changed while it was walked; the next start narrows it again.
        }
    }
}
