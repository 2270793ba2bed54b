package org.workersarchive.pipeline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Csv;
import org.workersarchive.core.Document;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Word;

/**
 * The names a run found that the authority list does not know (annotations without a key), so
 * that the archivists can grow the list: each name once, with its type, how often it occurred, in
 * which documents, who found it (the language's trained name model, or the signs of a name where
 * no model reads) with its mean confidence, and a few contexts. Written beside the run's report as
 * {@code new-names.json} and {@code new-names.csv} (for a spreadsheet), most frequent first, then surest.
 */
final class NewNames {

    /** Contexts kept per name: enough to judge it, few enough to read. */
    static final int MAX_CONTEXTS = 3;
    /** Words of context on each side of the name. */
    static final int CONTEXT_WORDS = 6;

    /**
     * One occurrence of an unknown name in a document.
     *
     * @param type    PERSON, ORGANISATION, …
     * @param surface the name as printed
     * @param context the words around it
     * @param foundBy who found it: a trained name model ({@code names-fr}) or the signs of a name
     *                ({@code signs}: a title, initials, an acronym, on a page no model reads)
     * @param confidence how sure the finder was: a model's probability
     */
    record Occurrence(String type, String surface, String context, String foundBy, double confidence) {
    }

    private NewNames() {
    }

    /** The unknown names of a document, in reading order. */
    static List<Occurrence> of(Document document) {
        List<Word> words = document.words().toList();
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            position.put(words.get(i).id(), i);
        }
        List<Occurrence> found = new ArrayList<>();
        for (Annotation annotation : document.annotations()) {
            if (annotation.key() != null || annotation.type() == EntityType.DATE) {
                continue;
            }
            int first = position.get(annotation.firstWordId());
            int last = position.get(annotation.lastWordId());
            found.add(new Occurrence(annotation.type().name(), withoutSentencePunctuation(text(words, first, last + 1)),
                    text(words, Math.max(0, first - CONTEXT_WORDS), Math.min(words.size(), last + 1 + CONTEXT_WORDS)),
                    foundBy(annotation.annotator()), annotation.confidence()));
        }
        return found;
    }

    /** Writes both files under temporary names, then renames them, into {@code runFolder}. */
    static void write(Path runFolder, Collection<InputOutcome> outcomes, ObjectMapper json) throws IOException {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (InputOutcome outcome : outcomes) {
            for (Occurrence occurrence : outcome.unknownNames()) {
                String key = occurrence.type() + " " + comparable(occurrence.surface());
                byName.computeIfAbsent(key, k -> new Entry(occurrence.type(), occurrence.surface()))
                        .add(occurrence, outcome.documentId());
            }
        }
        List<Entry> entries = new ArrayList<>(byName.values());
        // The frequent names first, and among as frequent ones the surer: an archivist adds those in minutes.
        entries.sort(Comparator.comparingInt((Entry e) -> -e.count).thenComparingDouble(e -> -e.meanConfidence())
                .thenComparing(e -> e.surface));
        ArrayNode names = json.createArrayNode();
        StringBuilder csv = new StringBuilder("type,surface,count,found-by,mean-confidence,documents,contexts\n");
        for (Entry entry : entries) {
            ObjectNode node = names.addObject();
            node.put("type", entry.type);
            node.put("surface", entry.surface);
            node.put("count", entry.count);
            node.put("foundBy", String.join(" ", entry.foundBy));
            node.put("meanConfidence", entry.roundedMeanConfidence());
            entry.documents.forEach(node.putArray("documents")::add);
            entry.contexts.forEach(node.putArray("contexts")::add);
            csv.append(String.join(",", Csv.cell(entry.type), Csv.cell(entry.surface), String.valueOf(entry.count),
                    Csv.cell(String.join(" ", entry.foundBy)), String.format(Locale.ROOT, "%.2f", entry.roundedMeanConfidence()),
                    Csv.cell(String.join(" ", entry.documents)), Csv.cell(String.join(" | ", entry.contexts))))
                    .append('\n');
        }
        ObjectNode root = json.createObjectNode();
        root.put("about", "Names found in this run that the authority list does not know, the most frequent and surest"
                + " first; add them to it.");
        root.set("names", names);
        replace(runFolder.resolve("new-names.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        replace(runFolder.resolve("new-names.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The finder's short name: the model's ({@code names-fr}) from its annotator, else the signs. */
    private static String foundBy(String annotator) {
        int slash = annotator == null ? -1 : annotator.lastIndexOf('/');
        return slash >= 0 ? annotator.substring(slash + 1) : "signs";
    }

    private static String text(List<Word> words, int from, int to) {
        return String.join(" ", words.subList(from, to).stream().map(Word::text).toList());
    }

    /** The name as an archivist would enter it: without the sentence's comma or the quotes around it. */
    private static String withoutSentencePunctuation(String surface) {
        String name = surface.replaceAll("^[«„“\"'(]+", "").replaceAll("[.,;:!?»”\"']+$", "");
        // A closing bracket belongs to the name only when the name opened it: РКП(б), not "GPU)".
        return name.endsWith(")") && !name.contains("(") ? name.substring(0, name.length() - 1) : name;
    }

    /** How two spellings of one name are told to be the same: case, accents and punctuation aside. */
    private static String comparable(String surface) {
        return Normalizer.normalize(surface, Normalizer.Form.NFD).replaceAll("[\\p{M}\\p{P}]", "")
                .toLowerCase(Locale.ROOT).strip();
    }

    private static void replace(Path target, byte[] content) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.write(partial, content);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final class Entry {
        private final String type;
        private final String surface;
        private final Set<String> documents = new LinkedHashSet<>();
        private final List<String> contexts = new ArrayList<>();
        private final Set<String> foundBy = new TreeSet<>();
        private double confidenceSum;
        private int count;

        Entry(String type, String surface) {
            this.type = type;
            this.surface = surface;
        }

        void add(Occurrence occurrence, String documentId) {
            count++;
            confidenceSum += occurrence.confidence();
            foundBy.add(occurrence.foundBy());
            documents.add(documentId);
            if (contexts.size() < MAX_CONTEXTS) {
                contexts.add(occurrence.context());
            }
        }

        double meanConfidence() {
            return confidenceSum / count;
        }

        double roundedMeanConfidence() {
            return Math.round(meanConfidence() * 100) / 100.0;
        }
    }
}
