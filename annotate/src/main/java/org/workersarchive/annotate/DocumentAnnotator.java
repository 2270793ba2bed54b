package org.workersarchive.annotate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Block;
import org.workersarchive.core.Document;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Ids;
import org.workersarchive.core.Language;
import org.workersarchive.core.NameBounds;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceDescription;

/**
 * The annotate stage: names of the authority list (with their key), dates (with their ISO value),
 * the names a trained model finds in the page's language ({@link NameModels}: persons, places,
 * organisations, works; linked to the list where they hold one of its names, else without a key,
 * see {@link NameMerge}) or, on a page of a language no model reads, names the list does not know
 * that a title or initials announce ({@link OtherNameRecognizer}), as stand-off annotations over
 * the document's words, each within one block, in that order of precedence, their starts where a
 * scholar expects them ({@link SpanConventions}). Replaces any annotations the document had.
 * Thread-safe.
 */
public final class DocumentAnnotator {

    static final String NAME = "archive-annotator";
    private static final String VERSION = "2.0";

    private final AuthorityList list;
    private final AuthorityAnnotator names;
    private final DateRecognizer dates = new DateRecognizer();
    private final OtherNameRecognizer otherNames = new OtherNameRecognizer();
    private final NameModels models;

    /** An annotator with the bundled name models. */
    public DocumentAnnotator(AuthorityList list) {
        this(list, NameModels.bundled());
    }

    /** An annotator with the given name models ({@link NameModels#none()} for the list, dates and signs only). */
    public DocumentAnnotator(AuthorityList list, NameModels models) {
        this.list = list;
        this.names = new AuthorityAnnotator(list);
        this.models = models;
    }

    /**
     * A document with its annotations, and where each name starts and ends within its first and
     * last words (by annotation id): what a TEI that marks names inside words
     * ({@code l'<placeName>Allemagne</placeName>}) and HIPE's token-level scoring need, until the
     * model's {@link Annotation} can carry it.
     */
    public record Annotated(Document document, Map<String, NameBounds> bounds) {

        public Annotated {
            bounds = Map.copyOf(bounds);
        }
    }

    public Document annotate(Document document) {
        return annotateWithBounds(document).document();
    }

    /** As {@link #annotate}, with each annotation's {@link NameBounds}. */
    public Annotated annotateWithBounds(Document document) {
        Instant started = Instant.now();
        List<Annotation> annotations = new ArrayList<>();
        Map<String, NameBounds> bounds = new HashMap<>();
        Set<String> modelsUsed = new TreeSet<>();
        for (Page page : document.pages()) {
            Optional<NameModel> model = language(page, document).flatMap(models::forLanguage);
            model.ifPresent(m -> modelsUsed.add(m.language() + " " + m.digest()));
            for (Block block : page.blocks()) {
                annotateBlock(block, model, annotations, bounds);
            }
        }
        ProcessingStep step = new ProcessingStep("annotate",
                "Archive annotator (authority list, dates, name models)", VERSION,
                Map.of("authorityEntries", String.valueOf(list.entries().size()),
                        "nameModels", String.join(",", modelsUsed),
                        "annotations", String.valueOf(annotations.size())),
                Duration.between(started, Instant.now()));
        return new Annotated(document.withDescription(linkedToAuthority(document.description()))
                .withAnnotations(annotations).withStep(step), bounds);
    }

    /**
     * The description with its publication linked to the authority list: by the key a sidecar or
     * file name gives, or by a file name's key that is one of the entry's names written as a file
     * name would (put-rabochikh-k-vlasti), else by the title's being one of its names. A file
     * name's stand-in title gives way to the list's; a key the list does not know is dropped.
     */
    SourceDescription linkedToAuthority(SourceDescription description) {
        String key = description.titleKey();
        Optional<AuthorityEntry> byKey = Optional.ofNullable(key).flatMap(k -> list.entries().stream()
                .filter(entry -> entry.type() == EntityType.PUBLICATION)
                .filter(entry -> entry.key().equals(k) || entry.names().stream().anyMatch(n -> Ids.slug(n).equals(k)))
                .findFirst());
        Optional<AuthorityEntry> entry = byKey.or(() -> Optional.ofNullable(description.title())
                .flatMap(title -> list.entries().stream()
                        .filter(e -> e.type() == EntityType.PUBLICATION && e.names().contains(title)).findFirst()));
        boolean ownTitle = description.title() != null && !description.provisionalTitle();
        return entry.map(e -> description.withAuthorityTitle(ownTitle ? description.title() : e.preferredName(), e.key()))
                .orElseGet(() -> description.withAuthorityTitle(acronymsAsListed(description), null));
    }

    /**
     * A file name's stand-in title, which knows no capitals ("Kapd Flugblatt"), with each word that
     * the list spells in capitals as it spells it ("KAPD Flugblatt"); any other title as it is.
     */
    private String acronymsAsListed(SourceDescription description) {
        if (description.title() == null || !description.provisionalTitle()) {
            return description.title();
        }
        Set<String> acronyms = list.entries().stream().flatMap(entry -> entry.names().stream())
                .filter(name -> name.length() > 1 && name.codePoints().allMatch(Character::isUpperCase))
                .collect(Collectors.toSet());
        return Arrays.stream(description.title().split(" ", -1))
                .map(word -> acronyms.contains(word.toUpperCase(Locale.ROOT)) ? word.toUpperCase(Locale.ROOT) : word)
                .collect(Collectors.joining(" "));
    }

    /**
     * Who made an annotation: on a page a model reads, a name without a key is the model's
     * ("archive-annotator/names-fr"), which the new-names report and the TEI's @resp can tell
     * from the list's and the dates'.
     */
    private static String madeBy(TokenMatch match, Optional<NameModel> model) {
        boolean modelsOwn = match.key() == null && match.type() != EntityType.DATE && model.isPresent();
        return modelsOwn ? NAME + "/names-" + model.get().language() : NAME;
    }

    private static String text(Block block, String wordId) {
        return block.lines().stream().flatMap(line -> line.words().stream()).filter(w -> w.id().equals(wordId))
                .findFirst().orElseThrow().text();
    }

    /** The page's main language, else the one the document's description asks every page to be read in. */
    private static Optional<Language> language(Page page, Document document) {
        List<Language> languages = page.languages().isEmpty() ? document.description().languages() : page.languages();
        return languages.stream().findFirst();
    }

    private void annotateBlock(Block block, Optional<NameModel> model, List<Annotation> annotations,
                               Map<String, NameBounds> bounds) {
        List<Token> tokens = Token.of(block);
        KnownNames known = KnownNames.in(tokens, names, dates);
        List<TokenMatch> found = model.map(m -> NameRecognizer.find(m, block, tokens, known.all())).orElse(List.of());
        List<TokenMatch> matches = NameMerge.merge(known, found);
        boolean[] taken = new boolean[tokens.size()];
        matches.forEach(m -> Arrays.fill(taken, m.start(), m.end(), true));
        // Where a model reads the language it is the better judge of unknown names (held-out French:
        // precision 0.474 without the signs, 0.459 with, recall the same); the signs serve the rest.
        if (model.isEmpty()) {
            matches.addAll(otherNames.find(tokens, taken));
        }
        matches = SpanConventions.apply(tokens, matches, id -> text(block, id));
        matches.sort(Comparator.comparingInt(TokenMatch::start));
        Set<String> annotatedWords = new HashSet<>();
        for (TokenMatch match : matches) {
            List<String> wordIds = tokens.subList(match.start(), match.end()).stream()
                    .flatMap(t -> t.wordIds().stream()).distinct().toList();
            // Two names in one glued word ("Москва:Петроград") would share it; the first keeps it.
            if (wordIds.stream().anyMatch(annotatedWords::contains)) {
                continue;
            }
            annotatedWords.addAll(wordIds);
            String id = "e" + (annotations.size() + 1);
            annotations.add(new Annotation(id, match.type(), wordIds, match.key(), match.value(), match.confidence(),
                    madeBy(match, model)));
            bounds.put(id, match.bounds() != null ? match.bounds() : NameBounds.of(match.type(),
                    text(block, wordIds.get(0)), text(block, wordIds.get(wordIds.size() - 1))));
        }
    }
}
