package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.workersarchive.ingest.ScanSets;

/**
 * The files a batch run takes: every file named on the command line, whatever its name, and
 * under each folder (recursively) every file whose name says it is a scan ({@link ScanSets#isScanName});
 * the run then groups them into documents with {@link ScanSets#group}. The name only selects;
 * the type is then detected from the bytes, so a text file named {@code x.pdf} fails with a reason.
 */
public final class InputCollector {

    private InputCollector() {
    }

    /**
     * The files found, and what could not be read on the way.
     *
     * @param files      every file to take, absolute, sorted
     * @param unreadable each folder (or file) that could not be listed or read, or is no file to take
     *                   (a named pipe, a link to a folder), with the reason
     * @param skipped    the archive's own folder where it lies under an input: never taken
     */
    public record Collected(List<Path> files, Map<Path, String> unreadable, List<Path> skipped) {

        public Collected {
            files = List.copyOf(files);
            unreadable = Map.copyOf(unreadable);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * @throws IllegalArgumentException naming the first input that does not exist
     */
    public static List<Path> collect(List<Path> inputs) {
        return collectAll(inputs).files();
    }

    /**
     * The files under the inputs, and the folders that could not be read (a folder without
     * permission is reported, and the rest taken, rather than the whole run given up).
     *
     * @throws IllegalArgumentException naming the first input that does not exist
     */
    public static Collected collectAll(List<Path> inputs) {
        return collectAll(inputs, null);
    }

    /**
     * As {@link #collectAll(List)}, never taking a file under the archive the run writes to: an
     * archive kept under an input folder is skipped whole, and named in {@link Collected#skipped}.
     *
     * @param archive the archive's folder, or null
     */
    public static Collected collectAll(List<Path> inputs, Path archive) {
        Set<Path> files = new TreeSet<>();
        Map<Path, String> unreadable = new TreeMap<>();
        Set<Path> skipped = new TreeSet<>();
        Path archiveReal = archive == null ? null : FolderOverlap.realPath(archive);
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                // A link named on the command line is the folder meant; links met under it are not followed.
                scansUnder(Files.isSymbolicLink(input) ? FolderOverlap.realPath(input) : input, archiveReal, files,
                        unreadable, skipped);
            } else if (Files.exists(input)) {
                Path file = input.toAbsolutePath().normalize();
                // Named on the command line, a named pipe is said and never opened (it would block its reader).
                notAFile(file).ifPresentOrElse(why -> unreadable.put(file, why), () -> files.add(file));
            } else {
                throw new IllegalArgumentException("no such file or folder: " + input);
            }
        }
        return new Collected(new ArrayList<>(files), unreadable, new ArrayList<>(skipped));
    }

    private static void scansUnder(Path folder, Path archiveReal, Set<Path> files, Map<Path, String> unreadable,
                                   Set<Path> skipped) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (archiveReal != null && FolderOverlap.realPath(dir).equals(archiveReal)) {
                        skipped.add(dir.toAbsolutePath().normalize());
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    // A link to a file is taken, to be refused with its reason (the pipeline takes no links).
                    boolean aFile = attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file);
                    if (aFile && looksLikeScan(file)) {
                        files.add(file.toAbsolutePath().normalize());
                    } else if (!aFile && (looksLikeScan(file) || attributes.isSymbolicLink() && Files.isDirectory(file))) {
                        // Said, not taken, and never opened: a named pipe would block its reader.
                        InboxEntries.notAFile(file, attributes).ifPresent(why -> unreadable.put(
                                file.toAbsolutePath().normalize(), why));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.put(file.toAbsolutePath().normalize(), "cannot read the folder: " + why(e)
                            + "; the scans in it, if any, were not taken");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            unreadable.put(folder.toAbsolutePath().normalize(), "cannot read the folder: " + why(e));
        }
    }

    private static Optional<String> notAFile(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.empty() : InboxEntries.notAFile(file,
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException gone) {
            return Optional.empty(); // its admission says what became of it
        }
    }

    private static String why(IOException e) {
        return e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
    }

    private static boolean looksLikeScan(Path file) {
        return ScanSets.isScanName(file.getFileName().toString());
    }
}
