package org.workersarchive.review.authority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.export.AuthorityEntries;

/**
 * The archive's authority list as the server uses it: the annotator's reading (names, types,
 * Wikidata ids) and the TEI writer's (entries copied into each corrected TEI's standOff), both of
 * the archive's own {@code authority.xml}, where every document's references point. Immutable:
 * after the list grows, a new one is read.
 *
 * @param list    for the annotator and the entity links
 * @param entries for the TEI writer
 */
public record Authority(AuthorityList list, AuthorityEntries entries) {

    /** The archive's list, or the bundled one (without standOff copies) when the archive has none. */
    public static Authority of(ArchiveLayout archive) {
        Path file = archive.authorityList();
        if (!Files.isRegularFile(file)) {
            return new Authority(AuthorityList.bundled(), AuthorityEntries.NONE);
        }
        try {
            return new Authority(AuthorityList.load(file), AuthorityEntries.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
