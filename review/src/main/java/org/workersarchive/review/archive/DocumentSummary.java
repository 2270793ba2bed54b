package org.workersarchive.review.archive;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.workersarchive.core.Document;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.Script;
import org.workersarchive.core.Word;

/**
 * A line of the archive's list: what a reviewer sorts and filters documents by. Immutable.
 *
 * @param id             the document's id
 * @param title          its title, or its first scan's name when it has none
 * @param date           ISO date of the publication (1930, 1930-03, 1930-03-15), or null
 * @param languages      BCP 47 tags of the pages' main languages, first-seen order
 * @param scripts        the scripts the pages were read in
 * @param pages          how many pages
 * @param words          how many words
 * @param meanConfidence mean word confidence 0..100, or -1 when it has no words
 * @param doubtfulWords  words under the TEI's uncertainty threshold (marked {@code <unclear>})
 * @param corrections    saves made in the review server
 * @param teiSha256      the checksum of the TEI it was made from, to tell when to read it again
 */
public record DocumentSummary(String id, String title, String date, List<String> languages, List<String> scripts,
                              int pages, int words, double meanConfidence, int doubtfulWords, int corrections,
                              String teiSha256) {

    public DocumentSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        languages = List.copyOf(languages);
        scripts = List.copyOf(scripts);
    }

    /** @param uncertainBelow the TEI's threshold under which a word is doubtful */
    public static DocumentSummary of(DocumentState state, int uncertainBelow) {
        Document document = state.document();
        String title = document.description().title() != null ? document.description().title()
                : document.firstSource().fileName();
        List<String> languages = document.pages().stream().flatMap(p -> p.languages().stream().limit(1))
                .map(Language::tag).distinct().toList();
        List<String> scripts = document.pages().stream().map(Page::preparation).map(p -> p.script())
                .filter(Script::isKnown).map(Script::name).distinct().toList();
        OptionalDouble mean = document.meanConfidence();
        int doubtful = (int) document.words().mapToDouble(Word::confidence).filter(c -> c < uncertainBelow).count();
        return new DocumentSummary(document.id(), title, document.description().date(), languages, scripts,
                document.pages().size(), (int) document.words().count(), mean.orElse(-1), doubtful,
                state.review().saves(), state.teiSha256());
    }
}
