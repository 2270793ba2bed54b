package org.workersarchive.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.workersarchive.core.ArchiveFiles;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Folders;
import org.workersarchive.core.XmlParsers;

/**
 * What a corpus export reads of the archive, and the checks it makes before it copies: the
 * archive's files are the archivists' (edited by hand, put there by other tools), and a link
 * among them must not carry a file from outside the archive into a published corpus. Collects
 * the files it skipped; not thread-safe, one per export.
 */
final class CorpusInputs {

    private final Path archive;
    private final List<String> skipped = new ArrayList<>();

    CorpusInputs(Path archive) {
        this.archive = archive;
    }

    /**
     * Copies {@code source} to the new file {@code target} when it is a regular file inside the
     * archive; skips it, noting why, when it is anything else that exists (a link out of the
     * archive, a folder).
     *
     * @return whether it was copied
     */
    boolean copyIfInside(Path source, Path target) throws IOException {
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (ArchiveFiles.regularFileInside(archive, source).isEmpty()) {
            skip(source, Files.isSymbolicLink(source) ? "a link to something outside the archive"
                    : "not a regular file");
            return false;
        }
        // The real path's last step is not followed, should the file have become a link since it was checked.
        try (InputStream in = Files.newInputStream(source.toRealPath(), LinkOption.NOFOLLOW_LINKS)) {
            CorpusExporter.write(target, in::transferTo);
        }
        return true;
    }

    void skip(Path source, String why) {
        skipped.add("skipped " + source + ": " + why);
    }

    /** The files not copied, a line each with the reason. */
    List<String> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * The documents' TEI files, and the authority list, that cannot go into a corpus, a line each
     * with the reason: a TEI that is a link out of the archive, not well-formed, with a DOCTYPE
     * (refused by {@link XmlParsers}). Each is read whole. An authority list that is a link out
     * of the archive is not read here: it is skipped when the corpus is written.
     */
    static List<String> unreadableXml(Path archive, List<DocumentFolder> folders, Path authorityList)
            throws IOException {
        List<String> problems = new ArrayList<>();
        for (DocumentFolder folder : folders) {
            Path tei = folder.tei();
            if (ArchiveFiles.regularFileInside(archive, tei).isEmpty()) {
                problems.add(tei + " is not a regular file inside the archive (a link out of it?)");
                continue;
            }
            xmlProblem(tei).ifPresent(problems::add);
        }
        if (ArchiveFiles.regularFileInside(archive, authorityList).isPresent()) {
            xmlProblem(authorityList).ifPresent(problems::add);
        }
        return problems;
    }

    /** Why the file is not XML the corpus can hold, in one line naming it; empty when it is. */
    private static Optional<String> xmlProblem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file.toRealPath(), LinkOption.NOFOLLOW_LINKS)) {
            XMLStreamReader xml = XmlParsers.streamReader(in);
            while (xml.hasNext()) {
                xml.next();
            }
            xml.close();
            return Optional.empty();
        } catch (XMLStreamException e) {
            return Optional.of(file + " cannot be read as XML: "
                    + String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " "));
        }
    }

    /**
     * Refuses a place a corpus may not be written to: a file, or a folder of other things than an
     * earlier corpus (which would be replaced whole, and all in it lost).
     */
    static void requireReplaceable(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            // A link is refused too: the rename would put the corpus in the link's place, not its target's.
            throw new IllegalArgumentException("--out " + target + " is not a folder"
                    + (Files.isSymbolicLink(target) ? " but a link; give the folder it points to" : ""));
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(target)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.isRegularFile(target.resolve(CorpusExporter.CORPUS), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("--out " + target + " holds files but no " + CorpusExporter.CORPUS
                    + ": it is no earlier corpus, and a corpus replaces its folder whole; choose a new or empty folder");
        }
    }

    /** Puts the written corpus in the place of the old one, if any, which is then deleted. */
    static void swap(Path partial, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Folders.deleteTree(old);
    }
}
