package org.workersarchive.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.core.EntityType;

/**
 * Writes what the annotator finds in a HIPE gold file as a HIPE file of the same tokens: the gold
 * file line for line, its NE-COARSE-LIT column replaced by the annotator's IOB tags (in the type
 * names the file itself uses), so that the organisers' scorer ({@code clef_evaluation.py --task
 * nerc_coarse}) can score it and check ours ({@link HipeEvaluation}) against theirs.
 */
public final class HipePredictions {

    private static final Pattern DOCUMENT_ID = Pattern.compile("#\\s*(?:hipe2022:)?document_id\\s*=.*");
    private static final Map<EntityType, String> HIPE_2020_NAMES = Map.of(EntityType.PERSON, "pers",
            EntityType.PLACE, "loc", EntityType.ORGANISATION, "org", EntityType.PUBLICATION, "prod",
            EntityType.DATE, "time");

    private HipePredictions() {
    }

    /** Annotates the gold file's documents and writes the predictions file. */
    public static void write(Path gold, DocumentAnnotator annotator, Path predictions) throws IOException {
        List<String> lines = Files.readAllLines(gold, StandardCharsets.UTF_8);
        Map<EntityType, String> names = typeNames(lines);
        List<String> tags = new ArrayList<>();
        for (HipeCorpus.HipeDocument hipe : HipeCorpus.read(gold)) {
            String[] documentTags = new String[hipe.tokens().size()];
            Arrays.fill(documentTags, "O");
            for (HipeCorpus.Span span : HipeEvaluation.found(hipe, annotator.annotateWithBounds(hipe.document()), true)) {
                for (int t = span.start(); t < span.end(); t++) {
                    documentTags[t] = (t == span.start() ? "B-" : "I-") + names.get(span.type());
                }
            }
            tags.addAll(List.of(documentTags));
        }
        Iterator<String> next = tags.iterator();
        List<String> out = new ArrayList<>(lines.size());
        boolean inDocument = false;
        for (String line : lines) {
            inDocument |= DOCUMENT_ID.matcher(line).matches();
            boolean tokenRow = inDocument && !line.isBlank() && !line.startsWith("#") && !line.startsWith("TOKEN\t");
            if (tokenRow) {
                String[] cells = line.split("\t", -1);
                cells[1] = next.next();
                line = String.join("\t", cells);
            }
            out.add(line);
        }
        // Written under a temporary name, then renamed: a predictions file is never half-written.
        Path partial = predictions.resolveSibling("." + predictions.getFileName() + ".partial");
        Files.write(partial, out, StandardCharsets.UTF_8);
        Files.move(partial, predictions, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The type names the file's gold uses (NewsEye's PER, LOC…), HIPE-2020's where it uses none. */
    private static Map<EntityType, String> typeNames(List<String> lines) {
        Map<EntityType, String> names = new EnumMap<>(HIPE_2020_NAMES);
        for (String line : lines) {
            String[] cells = line.split("\t", 3);
            if (cells.length > 1 && !line.startsWith("#") && cells[1].matches("[BI]-.+")) {
                EntityType type = HipeCorpus.type(cells[1].substring(2));
                if (type != null) {
                    names.put(type, cells[1].substring(2));
                }
            }
        }
        return names;
    }
}
