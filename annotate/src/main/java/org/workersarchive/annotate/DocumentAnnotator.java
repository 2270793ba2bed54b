package org.workersarchive.annotate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Block;
import org.workersarchive.core.Document;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Ids;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceDescription;

/**
 * The annotate stage: names of the authority list (with their key), dates (with their ISO value)
 * and names the list does not know (without a key: see {@link OtherNameRecognizer}), as stand-off
 * annotations over the document's words, each within one block, in that order of precedence.
 * Replaces any annotations the document had. Thread-safe.
 */
public final class DocumentAnnotator {

    static final String NAME = "archive-annotator";
    private static final String VERSION = "1.0";

    private final AuthorityList list;
    private final AuthorityAnnotator names;
    private final DateRecognizer dates = new DateRecognizer();
    private final OtherNameRecognizer otherNames = new OtherNameRecognizer();

    public DocumentAnnotator(AuthorityList list) {
        this.list = list;
        this.names = new AuthorityAnnotator(list);
    }

    public Document annotate(Document document) {
        Instant started = Instant.now();
        List<Annotation> annotations = new ArrayList<>();
        for (Page page : document.pages()) {
            for (Block block : page.blocks()) {
                annotateBlock(block, annotations);
            }
        }
        ProcessingStep step = new ProcessingStep("annotate", "Archive annotator (authority list and dates)", VERSION,
                Map.of("authorityEntries", String.valueOf(list.entries().size()),
                        "annotations", String.valueOf(annotations.size())),
                Duration.between(started, Instant.now()));
        return document.withDescription(linkedToAuthority(document.description()))
                .withAnnotations(annotations).withStep(step);
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

    private void annotateBlock(Block block, List<Annotation> annotations) {
        List<Token> tokens = Token.of(block);
        List<TokenMatch> matches = new ArrayList<>(names.find(tokens));
        boolean[] taken = new boolean[tokens.size()];
        matches.forEach(m -> Arrays.fill(taken, m.start(), m.end(), true));
        List<TokenMatch> found = dates.find(tokens, taken);
        found.forEach(m -> Arrays.fill(taken, m.start(), m.end(), true));
        matches.addAll(found);
        matches.addAll(otherNames.find(tokens, taken));
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
            annotations.add(new Annotation("e" + (annotations.size() + 1), match.type(), wordIds, match.key(),
                    match.value(), match.confidence(), NAME));
        }
    }
}
