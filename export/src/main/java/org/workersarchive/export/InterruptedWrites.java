package org.workersarchive.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Folders;

/** What a stopped run leaves of {@link ArchiveWriter}'s writes, and how it is put right. Stateless. */
final class InterruptedWrites {

    /** A hidden folder of a write under way: {@code .NAME.partial-UUID} or {@code .NAME.replaced-UUID}. */
    private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.(partial|replaced)-[0-9a-f-]{36}");

    private InterruptedWrites() {
    }

    /**
     * Puts the archive's documents right after a run that was stopped at any moment (killed, power
     * lost): deletes folders left half-written, and puts back a document that was moved aside to be
     * replaced when its replacement had not been moved in yet. Call it while no other run writes to
     * the archive.
     *
     * @return what was done, a line each, for the log
     */
    static List<String> recover(ArchiveLayout archive) throws IOException {
        List<String> done = new ArrayList<>();
        if (!Files.isDirectory(archive.documents())) {
            return done;
        }
        List<Path> hidden = new ArrayList<>();
        try (Stream<Path> entries = Files.list(archive.documents())) {
            entries.forEach(entry -> {
                if (entry.getFileName().toString().startsWith(".")) {
                    hidden.add(entry);
                } else {
                    hidden.addAll(hiddenVersions(entry));
                }
            });
        }
        return putRight(hidden);
    }

    /**
     * Puts right what a stopped write left beside the folder {@code target} (a corpus export's):
     * the same as {@link #recover} does for a document's folder.
     *
     * @return what was done, a line each
     */
    static List<String> recoverBeside(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (Stream<Path> entries = Files.list(target.getParent())) {
            return putRight(entries.filter(entry -> entry.getFileName().toString().startsWith(prefix)).toList());
        }
    }

    /** Deletes half-written folders, and puts back a replaced one whose replacement had not been moved in. */
    private static List<String> putRight(List<Path> hidden) throws IOException {
        List<String> done = new ArrayList<>();
        for (Path leftover : hidden) {
            Matcher name = LEFTOVER.matcher(leftover.getFileName().toString());
            if (!name.matches()) {
                continue;
            }
            Path target = leftover.resolveSibling(name.group(1));
            if (name.group(2).equals("replaced") && !Files.exists(target)) {
                Files.move(leftover, target, StandardCopyOption.ATOMIC_MOVE);
                done.add("put back " + target + ", whose replacement had not been written whole");
            } else {
                Folders.deleteTree(leftover);
                done.add("deleted " + leftover + " (" + name.group(2) + ", left by a stopped run)");
            }
        }
        return done;
    }

    private static List<Path> hiddenVersions(Path documentFolder) {
        Path versions = new DocumentFolder(documentFolder).versions();
        if (!Files.isDirectory(versions)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(versions)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + versions, e);
        }
    }

}
