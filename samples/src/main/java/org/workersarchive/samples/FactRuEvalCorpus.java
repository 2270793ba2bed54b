package org.workersarchive.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * FactRuEval-2016's Russian named-entity gold data (news, 2010s), brought to the form of HIPE's
 * ({@link HipeCorpus}) so that it is trained on and scored the same way. A book's tokens come from
 * its {@code .tokens} file (a printed word is the tokens with no space between them, a line a
 * sentence); its names from the {@code .objects} file: each mention of a Person, Org, Location or
 * LocOrg object, from its first token to its last. Mentions nest ("мэрии Москвы" holds "Москвы"):
 * the outermost is kept, as a flat tagging can hold only one, and LocOrg (a place named as a
 * polity) counts as a place, as HIPE's coarse types would have it.
 */
public final class FactRuEvalCorpus {

    private static final Map<String, String> TYPES = Map.of("Person", "pers", "Org", "org", "Location", "loc",
            "LocOrg", "loc");

    private FactRuEvalCorpus() {
    }

    /** Every book of a FactRuEval folder (such as devset/), in the order of their numbers. */
    public static List<HipeCorpus.HipeDocument> read(Path folder) throws IOException {
        List<Path> books;
        try (Stream<Path> files = Files.list(folder)) {
            books = files.filter(f -> f.getFileName().toString().endsWith(".tokens"))
                    .sorted(Comparator.comparingInt(FactRuEvalCorpus::bookNumber)).toList();
        }
        List<HipeCorpus.HipeDocument> documents = new ArrayList<>();
        for (Path book : books) {
            documents.add(book(book));
        }
        if (documents.isEmpty()) {
            throw new IOException(folder + " holds no FactRuEval book (*.tokens)");
        }
        return documents;
    }

    private static int bookNumber(Path tokens) {
        return Integer.parseInt(tokens.getFileName().toString().replaceAll("\\D", ""));
    }

    private static HipeCorpus.HipeDocument book(Path tokensFile) throws IOException {
        String stem = tokensFile.getFileName().toString().replace(".tokens", "");
        List<String> tokens = new ArrayList<>();
        List<String> misc = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        Map<String, Integer> indexById = new HashMap<>();
        for (String row : Files.readAllLines(tokensFile, StandardCharsets.UTF_8)) {
            String[] cells = row.strip().split(" ");
            if (cells.length < 4) {
                // A blank row ends a sentence: the line ends there.
                if (!misc.isEmpty()) {
                    misc.set(misc.size() - 1, "EndOfLine");
                }
                continue;
            }
            int start = Integer.parseInt(cells[1]);
            if (!ends.isEmpty() && ends.get(ends.size() - 1) == start && !misc.get(misc.size() - 1).equals("EndOfLine")) {
                misc.set(misc.size() - 1, "NoSpaceAfter");
            }
            indexById.put(cells[0], tokens.size());
            tokens.add(cells[3]);
            misc.add("_");
            ends.add(start + Integer.parseInt(cells[2]));
        }
        List<String> tags = tags(tokensFile.resolveSibling(stem + ".spans"), tokensFile.resolveSibling(stem + ".objects"),
                indexById, tokens.size());
        return HipeCorpus.document(stem, "ru", tokens, tags, misc);
    }

    /** IOB tags from the objects' mentions, outermost first. */
    private static List<String> tags(Path spansFile, Path objectsFile, Map<String, Integer> indexById, int size)
            throws IOException {
        Map<String, int[]> spans = new HashMap<>();
        for (String row : Files.readAllLines(spansFile, StandardCharsets.UTF_8)) {
            String[] cells = row.split("#")[0].strip().split("\\s+");
            if (cells.length >= 6) {
                int first = indexById.get(cells[4]);
                spans.put(cells[0], new int[] {first, first + Integer.parseInt(cells[5])});
            }
        }
        List<int[]> mentions = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String row : Files.readAllLines(objectsFile, StandardCharsets.UTF_8)) {
            String[] cells = row.split("#")[0].strip().split("\\s+");
            if (cells.length < 3 || !TYPES.containsKey(cells[1])) {
                continue;
            }
            int start = Integer.MAX_VALUE;
            int end = -1;
            for (int i = 2; i < cells.length; i++) {
                int[] span = spans.get(cells[i]);
                start = Math.min(start, span[0]);
                end = Math.max(end, span[1]);
            }
            mentions.add(new int[] {start, end, types.size()});
            types.add(TYPES.get(cells[1]));
        }
        // Longest first, then by position: the outermost mention takes its tokens.
        mentions.sort(Comparator.<int[]>comparingInt(m -> m[0] - m[1]).thenComparingInt(m -> m[0]));
        String[] tags = new String[size];
        java.util.Arrays.fill(tags, "O");
        for (int[] mention : mentions) {
            boolean free = true;
            for (int i = mention[0]; i < mention[1]; i++) {
                free &= tags[i].equals("O");
            }
            if (free) {
                for (int i = mention[0]; i < mention[1]; i++) {
                    tags[i] = (i == mention[0] ? "B-" : "I-") + types.get(mention[2]);
                }
            }
        }
        return List.of(tags);
    }
}
