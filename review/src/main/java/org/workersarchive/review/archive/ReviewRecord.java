package org.workersarchive.review.archive;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.workersarchive.core.Document;
import org.workersarchive.core.ProcessingStep;

/**
 * What people decided in the review server, kept in the document's provenance as one
 * {@value #STAGE} step (its details: who corrected it, how many saves, the entities accepted, the
 * pages checked whole). One step, merged at each save, because the TEI header names each stage's
 * application by an xml:id of its stage ({@code app-review}), which must stay unique. It travels
 * with every version as the rest of the provenance does. Immutable.
 *
 * @param people       who saved corrections, in the order they first did
 * @param saves        how many corrections were saved
 * @param accepted     ids of the entities a person accepted as they are
 * @param checkedPages pages a person read whole against the image: every line of them is ground truth
 * @param rejected     the words of each entity a person rejected ({@code p1_w3+p1_w4}), so that names
 *                     found again in a corrected line do not bring it back
 */
public record ReviewRecord(List<String> people, int saves, Set<String> accepted, Set<Integer> checkedPages,
                           Set<String> rejected) {

    /** The provenance stage of the review server's step. */
    public static final String STAGE = "review";
    public static final ReviewRecord NONE = new ReviewRecord(List.of(), 0, Set.of(), Set.of(), Set.of());

    public ReviewRecord {
        people = List.copyOf(people);
        accepted = Set.copyOf(accepted);
        checkedPages = Set.copyOf(checkedPages);
        rejected = Set.copyOf(rejected);
    }

    /** How a rejected entity's words are kept: their ids joined by '+'. */
    public static String span(List<String> wordIds) {
        return String.join("+", wordIds);
    }

    /** The record in the document's provenance, or {@link #NONE}. */
    public static ReviewRecord of(Document document) {
        Optional<ProcessingStep> step = document.provenance().stream().filter(s -> s.stage().equals(STAGE)).findFirst();
        if (step.isEmpty()) {
            return NONE;
        }
        Map<String, String> details = step.get().details();
        int saves;
        try {
            saves = Integer.parseInt(details.getOrDefault("saves", "0"));
        } catch (NumberFormatException e) {
            saves = 0;
        }
        return new ReviewRecord(words(details.get("people"), "; "), saves, Set.copyOf(words(details.get("accepted"), " ")),
                words(details.get("checkedPages"), " ").stream().filter(p -> p.matches("\\d{1,6}"))
                        .map(Integer::valueOf).collect(Collectors.toSet()), Set.copyOf(words(details.get("rejected"), " ")));
    }

    /** This record after one more save by {@code who}. */
    public ReviewRecord savedBy(String who, Set<String> newlyAccepted, Set<Integer> newlyChecked) {
        List<String> everyone = new java.util.ArrayList<>(people);
        if (!everyone.contains(who)) {
            everyone.add(who);
        }
        Set<String> allAccepted = new TreeSet<>(accepted);
        allAccepted.addAll(newlyAccepted);
        Set<Integer> allChecked = new TreeSet<>(checkedPages);
        allChecked.addAll(newlyChecked);
        return new ReviewRecord(everyone, saves + 1, allAccepted, allChecked, rejected);
    }

    /** This record with an entity rejected: no more accepted, its words kept from being marked again. */
    public ReviewRecord rejecting(String entityId, List<String> wordIds) {
        Set<String> left = new TreeSet<>(accepted);
        left.remove(entityId);
        Set<String> spans = new TreeSet<>(rejected);
        spans.add(span(wordIds));
        return new ReviewRecord(people, saves, left, checkedPages, spans);
    }

    /** The document with this record as its one review step, after its other steps. */
    public Document into(Document document, String tool, String version, Duration took) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("people", String.join("; ", people));
        details.put("saves", String.valueOf(saves));
        details.put("accepted", String.join(" ", new TreeSet<>(accepted)));
        details.put("checkedPages", new TreeSet<>(checkedPages).stream().map(String::valueOf)
                .collect(Collectors.joining(" ")));
        details.put("rejected", String.join(" ", new TreeSet<>(rejected)));
        List<ProcessingStep> steps = new java.util.ArrayList<>(document.provenance().stream()
                .filter(s -> !s.stage().equals(STAGE)).toList());
        steps.add(new ProcessingStep(STAGE, tool, version, details, took));
        return new Document(document.id(), document.description(), document.sources(), document.pages(),
                document.annotations(), steps);
    }

    private static List<String> words(String text, String separator) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
