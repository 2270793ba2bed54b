package org.workersarchive.review.correct;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.workersarchive.annotate.AuthorityEntry;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Document;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.Word;
import org.workersarchive.export.CorrectedPage;
import org.workersarchive.export.Corrections;
import org.workersarchive.export.FormatSchemas;
import org.workersarchive.review.archive.DocumentState;
import org.workersarchive.review.archive.ReviewRecord;

/**
 * Makes the corrected document of a correction, by the rules a corrected PAGE file is imported
 * with: a word or line is put in as a corrected page ({@link Corrections#apply}), so that a changed
 * word counts as read by a person (confidence 100, no longer unclear) and a line keeps its words'
 * places when it keeps their number. Unlike an import, what people decided about entities is kept:
 * entities over words that are still there stay as they were, and names are found again only in
 * the corrected line, never where a person rejected one. Stateless apart from the authority list.
 */
public final class CorrectionApplier {

    /** The name a correction made in the browser goes by, where a PAGE file would give its own. */
    private static final Path FROM_BROWSER = Path.of("review-server");

    private final AuthorityList authority;
    private final DocumentAnnotator annotator;

    public CorrectionApplier(AuthorityList authority, NameModels nameModels) {
        this.authority = authority;
        this.annotator = new DocumentAnnotator(authority, nameModels);
    }

    /**
     * What a correction made of a document.
     *
     * @param document     the corrected document, with its entities
     * @param review       what people decided, this correction included
     * @param wordsChanged words of the text that changed
     * @param said         what was done, in words, for the revision history
     */
    public record Edit(Document document, ReviewRecord review, int wordsChanged, String said) {
    }

    /** @throws IllegalArgumentException when the correction names what the document does not have */
    public Edit apply(DocumentState state, Correction correction, String who) {
        Document document = state.document();
        ReviewRecord review = state.review();
        if (correction instanceof Correction.WordText word) {
            return text(state, lineOfWord(document, word.wordId()), line -> null,
                    w -> w.id().equals(word.wordId()) ? word.text() : w.text(), correction, who);
        }
        if (correction instanceof Correction.LineText line) {
            return text(state, lineNamed(document, line.lineId()), l -> l.id().equals(line.lineId()) ? line.text() : null,
                    Word::text, correction, who);
        }
        if (correction instanceof Correction.AcceptEntity accept) {
            entity(document, accept.entityId());
            return new Edit(document, review.savedBy(who, Set.of(accept.entityId()), Set.of()), 0, correction.describe());
        }
        if (correction instanceof Correction.RejectEntity reject) {
            Annotation entity = entity(document, reject.entityId());
            List<Annotation> left = document.annotations().stream().filter(a -> a != entity).toList();
            return new Edit(document.withAnnotations(left), review.rejecting(entity.id(), entity.wordIds())
                    .savedBy(who, Set.of(), Set.of()), 0, correction.describe() + " (" + words(document, entity) + ")");
        }
        if (correction instanceof Correction.EntityTypeChange change) {
            return retype(document, review, change, who);
        }
        if (correction instanceof Correction.EntityRefChange change) {
            return relink(document, review, change, who);
        }
        Correction.PageChecked checked = (Correction.PageChecked) correction;
        if (checked.page() > document.pages().size()) {
            throw new IllegalArgumentException("the document has no page " + checked.page());
        }
        return new Edit(document, review.savedBy(who, Set.of(), Set.of(checked.page())), 0, correction.describe());
    }

    private Edit text(DocumentState state, Located located, Function<Line, String> lineText,
                      Function<Word, String> wordText, Correction correction, String who) {
        Document document = state.document();
        Page page = located.page();
        CorrectedPage corrected = new CorrectedPage(FROM_BROWSER, FormatSchemas.Format.PAGE, document.id(),
                page.number(), null, page.blocks().stream().map(block -> new CorrectedPage.Region(block.id(), block.box(),
                block.lines().stream().map(line -> new CorrectedPage.TextLine(line.id(), line.box(), lineText.apply(line),
                        line.words().stream().map(w -> new CorrectedPage.TextWord(w.id(), wordText.apply(w), w.box(),
                                w.confidence())).toList())).toList())).toList());
        Corrections.Applied applied = Corrections.apply(document, corrected, page.number());
        if (applied.document().text().equals(document.text())) {
            throw new IllegalArgumentException("nothing changed: the text is as the archive has it");
        }
        Document withText = applied.document();
        Set<String> wordsLeft = withText.wordsById().keySet();
        List<Annotation> kept = document.annotations().stream().filter(a -> wordsLeft.containsAll(a.wordIds())).toList();
        Line correctedLine = withText.pages().get(page.number() - 1).lines()
                .filter(l -> l.id().equals(located.line().id())).findFirst().orElseThrow();
        List<Annotation> all = new ArrayList<>(kept);
        all.addAll(namesFoundAgain(withText, correctedLine, kept, state.review()));
        String examples = applied.examples().isEmpty() ? "" : " (" + String.join(", ", applied.examples()) + ")";
        return new Edit(withText.withAnnotations(all), state.review().savedBy(who, Set.of(), Set.of()),
                applied.wordsChanged(), correction.describe() + examples);
    }

    /** Names and dates the annotator finds within the corrected line, over words no kept entity covers. */
    private List<Annotation> namesFoundAgain(Document document, Line line, List<Annotation> kept, ReviewRecord review) {
        Set<String> lineWords = new HashSet<>(line.words().stream().map(Word::id).toList());
        Set<String> taken = new HashSet<>();
        kept.forEach(a -> taken.addAll(a.wordIds()));
        int next = kept.stream().map(Annotation::id).filter(id -> id.matches("e\\d+"))
                .mapToInt(id -> Integer.parseInt(id.substring(1))).max().orElse(0);
        List<Annotation> found = new ArrayList<>();
        for (Annotation a : annotator.annotate(document.withAnnotations(List.of())).annotations()) {
            boolean inLine = lineWords.containsAll(a.wordIds());
            boolean free = a.wordIds().stream().noneMatch(taken::contains);
            if (inLine && free && !review.rejected().contains(ReviewRecord.span(a.wordIds()))) {
                found.add(new Annotation("e" + (++next), a.type(), a.wordIds(), a.key(), a.value(), a.confidence(),
                        a.annotator()));
            }
        }
        return found;
    }

    private Edit retype(Document document, ReviewRecord review, Correction.EntityTypeChange change, String who) {
        Annotation entity = entity(document, change.entityId());
        if (entity.type() == org.workersarchive.core.EntityType.DATE) {
            throw new IllegalArgumentException("a date cannot become a name here: reject it instead");
        }
        Optional<AuthorityEntry> entry = Optional.ofNullable(entity.key()).flatMap(authority::entry);
        boolean keyFits = entry.map(e -> e.type() == change.type()).orElse(true);
        String said = change.describe() + (keyFits || entity.key() == null ? ""
                : "; its link to #" + entity.key() + " (" + typeName(entry.get()) + ") was dropped");
        Annotation retyped = new Annotation(entity.id(), change.type(), entity.wordIds(), keyFits ? entity.key() : null,
                entity.value(), 1, entity.annotator());
        return new Edit(replaced(document, entity, retyped), review.savedBy(who, Set.of(), Set.of()), 0, said);
    }

    private Edit relink(Document document, ReviewRecord review, Correction.EntityRefChange change, String who) {
        Annotation entity = entity(document, change.entityId());
        String key = change.key().isEmpty() ? null : change.key();
        if (key != null) {
            AuthorityEntry entry = authority.entry(key).orElseThrow(() -> new IllegalArgumentException(
                    "the authority list has no entry #" + key));
            if (entry.type() != entity.type()) {
                throw new IllegalArgumentException("#" + key + " is " + typeName(entry) + ", and this entity a "
                        + entity.type().name().toLowerCase(Locale.ROOT) + ": change its type first");
            }
        }
        Annotation linked = new Annotation(entity.id(), entity.type(), entity.wordIds(), key, entity.value(), 1,
                entity.annotator());
        return new Edit(replaced(document, entity, linked), review.savedBy(who, Set.of(), Set.of()), 0,
                change.describe());
    }

    private static String typeName(AuthorityEntry entry) {
        return "a " + entry.type().name().toLowerCase(Locale.ROOT);
    }

    private static Document replaced(Document document, Annotation old, Annotation replacement) {
        return document.withAnnotations(document.annotations().stream().map(a -> a == old ? replacement : a).toList());
    }

    private static Annotation entity(Document document, String id) {
        return document.annotations().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the document has no entity " + id
                        + " (any more: another correction may have changed its words)"));
    }

    private static String words(Document document, Annotation entity) {
        return String.join(" ", entity.wordIds().stream().map(document.wordsById()::get).map(Word::text).toList());
    }

    /** A line and the page it is on. */
    private record Located(Page page, Line line) {
    }

    private static Located lineOfWord(Document document, String wordId) {
        for (Page page : document.pages()) {
            Optional<Line> line = page.lines().filter(l -> l.words().stream().anyMatch(w -> w.id().equals(wordId)))
                    .findFirst();
            if (line.isPresent()) {
                return new Located(page, line.get());
            }
        }
        throw new IllegalArgumentException("the document has no word " + wordId);
    }

    private static Located lineNamed(Document document, String lineId) {
        for (Page page : document.pages()) {
            Optional<Line> line = page.lines().filter(l -> l.id().equals(lineId)).findFirst();
            if (line.isPresent()) {
                return new Located(page, line.get());
            }
        }
        throw new IllegalArgumentException("the document has no line " + lineId);
    }
}
