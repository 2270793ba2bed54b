package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether two folders are one, or one lies inside the other, as the file system sees them: by their
 * real paths (links and {@code ..} resolved), so that {@code ./inbox} and {@code ~/inbox/.} are
 * one folder. A folder not made yet is compared by its nearest existing parent's real path.
 */
public final class FolderOverlap {

    private FolderOverlap() {
    }

    /** The folder's real path; for one that does not exist yet, its nearest existing parent's, with the rest. */
    public static Path realPath(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException unreadable) {
            return absolute;
        }
    }

    /** Whether {@code inner} is {@code outer}, or lies under it. */
    public static boolean isWithin(Path inner, Path outer) {
        return realPath(inner).startsWith(realPath(outer));
    }

    /**
     * What is wrong when an inbox or a batch's input folder and the archive overlap, in words; null
     * when they are apart.
     *
     * @param what how the folder is named in the message, e.g. "the inbox"
     * @param containsAllowed whether the folder may hold the archive (a batch skips the archive's files)
     */
    public static String problem(String what, Path folder, Path archive, boolean containsAllowed) {
        if (realPath(folder).equals(realPath(archive))) {
            return what + " " + folder + " is the archive folder itself: the archive's own files would be taken as "
                    + "scans; give two separate folders";
        }
        if (isWithin(folder, archive)) {
            return what + " " + folder + " is inside the archive " + archive + ": the archive's own files would be "
                    + "taken as scans; give a folder outside it";
        }
        if (!containsAllowed && isWithin(archive, folder)) {
            return "the archive " + archive + " is inside " + what + " " + folder + ": the archive's own files would "
                    + "be taken as scans; give an archive folder outside it";
        }
        return null;
    }
}
