package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.workersarchive.core.FileNames;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.ingest.ScanSet;

/**
 * Which entries of an inbox or a batch's folders can never be taken as scans, and why: a folder, a
 * link to a folder or to nothing, a named pipe, a socket or a device, a name that is not valid
 * UTF-8. Each is given an outcome with its reason instead of
 * lying there unseen. Nothing here opens an entry: a named pipe would block its reader forever.
 */
public final class InboxEntries {

    /** Names the inbox leaves alone, as its file endpoint does: hidden ones, and copies under way. */
    public static final Pattern LEFT_ALONE = Pattern.compile("^\\..*|.*\\.(part|partial|tmp|crdownload)$");
    /** The S_IFMT bits of a Unix mode, and a named pipe's. */
    private static final int FILE_TYPE_BITS = 0170000;
    private static final int NAMED_PIPE = 0010000;

    private InboxEntries() {
    }

    /**
     * The entries directly in the inbox that the inbox cannot take, each with its reason: a regular
     * file (or a link to one) with a valid name is not among them; it is taken, and fails, if at
     * all, with the reason its bytes give.
     */
    public static Map<Path, String> untakeableIn(Path inbox) throws IOException {
        Map<Path, String> untakeable = new LinkedHashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
            for (Path entry : entries) {
                if (LEFT_ALONE.matcher(entry.getFileName().toString()).matches()) {
                    continue;
                }
                Optional<String> why = badName(entry).or(() -> readAttributes(entry).flatMap(attributes ->
                        attributes.isRegularFile() || Files.isRegularFile(entry) ? Optional.empty()
                                : notAFile(entry, attributes)));
                why.ifPresent(reason -> untakeable.put(entry, reason));
            }
        }
        return untakeable;
    }

    /**
     * Why an entry that is not a regular file (nor a link to one) is not taken; empty for one that is.
     *
     * @param attributes the entry's own attributes, its link not followed
     */
    public static Optional<String> notAFile(Path entry, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            return Optional.empty();
        }
        if (attributes.isSymbolicLink()) {
            return linkReason(entry);
        }
        if (attributes.isDirectory()) {
            return Optional.of("a folder, not a file: the inbox takes the files in it, not folders nor what they "
                    + "hold; move its scans into the inbox itself");
        }
        return Optional.of((isNamedPipe(entry) ? "a named pipe (FIFO)" : "a socket or a device")
                + ", not a file: it was not read; give the scan as a file");
    }

    /**
     * Refuses a set whose files cannot be scans whatever their bytes: a name that is not valid UTF-8,
     * something that is no file (never opened). An empty file is the ingestor's to refuse: in the
     * inbox it may be a copy that has not begun, and is held as one that paused.
     *
     * @throws RejectedInputException with the file and the reason
     */
    public static void requireTakeable(ScanSet set) {
        for (Path file : set.filesWithSidecar()) {
            Optional<String> why = badName(file).or(() -> readAttributes(file).flatMap(attributes ->
                    Files.isRegularFile(file) ? Optional.empty() : notAFile(file, attributes)));
            if (why.isPresent()) {
                throw new RejectedInputException(FileNames.printable(file.getFileName().toString()) + ": " + why.get());
            }
        }
    }

    /**
     * Whether the entry's name is not valid UTF-8 (with the platform's file name encoding UTF-8, the
     * launcher's): Java then reads it with replacement characters, and the name it shows is
     * another file's, so the archive could neither name it nor remove it.
     */
    static Optional<String> badName(Path entry) {
        Path name = entry.getFileName();
        boolean same;
        try {
            same = name.equals(name.getFileSystem().getPath(name.toString()));
        } catch (InvalidPathException unmappable) {
            same = false;
        }
        return same ? Optional.empty() : Optional.of("the file name is not valid UTF-8 (shown as \""
                + FileNames.printable(name.toString()) + "\"): it was not read; rename it");
    }

    private static Optional<String> linkReason(Path link) {
        String target;
        try {
            target = FileNames.printable(Files.readSymbolicLink(link).toString());
        } catch (IOException unreadable) {
            target = "?";
        }
        if (Files.isDirectory(link)) {
            return Optional.of("symbolic link to a folder (" + target + "): links are not followed; copy the "
                    + "scans themselves in");
        }
        return Optional.of(Files.exists(link) ? "symbolic link to " + target + ", which is not a file: it was not read"
                : "symbolic link to " + target + ", which does not exist");
    }

    private static boolean isNamedPipe(Path entry) {
        try {
            Object mode = Files.getAttribute(entry, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return mode instanceof Integer bits && (bits & FILE_TYPE_BITS) == NAMED_PIPE;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return false;
        }
    }

    private static Optional<BasicFileAttributes> readAttributes(Path entry) {
        try {
            return Optional.of(Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException gone) {
            return Optional.empty(); // gone since it was listed: nothing to say of it
        }
    }

}
