package org.workersarchive.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.workersarchive.annotate.AuthorityEntry;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.Language;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/**
 * How fast the annotator reads, in tokens per second, as the authority list grows from the bundled
 * one to tens of thousands of entries (made-up names in Latin and Cyrillic with variant spellings,
 * added to the bundled list), beside a baseline in the same run: one regular expression per
 * spelling, the way a simple tagger is often written; and on the bundled list with the name model
 * of a language on and off ({@code LANGUAGE}, default fra: the page is given that language, as OCR
 * gives it). Usage: {@code AnnotationBenchmark TEXT_FILE [ROUNDS [LANGUAGE]]}, where the text is any
 * UTF-8 text (the benchmark script uses HIPE-2020's newspapers).
 */
public final class AnnotationBenchmark {

    private static final int LINE_WORDS = 12;
    private static final int BLOCK_LINES = 20;

    private AnnotationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: AnnotationBenchmark TEXT_FILE [ROUNDS [LANGUAGE]]");
            System.exit(2);
        }
        List<String> words = Arrays.stream(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8).split("\\s+"))
                .filter(w -> !w.isBlank()).toList();
        int rounds = args.length >= 2 ? Integer.parseInt(args[1]) : 5;
        Language language = Language.ofModel(args.length == 3 ? args[2] : "fra");
        Document text = document(words, List.of());
        Document inLanguage = document(words, List.of(language));
        Path dir = Files.createTempDirectory("annotation-benchmark");
        System.out.printf(Locale.ROOT, "%d tokens, median of %d rounds after one warm-up%n%n", words.size(), rounds);
        System.out.printf(Locale.ROOT, "%-42s %9s %14s %10s%n", "annotator", "entries", "tokens/s", "ratio");
        double base = 0;
        // The name model's cost: the same text and list, its page in a language with a model, and not.
        for (NameModels models : List.of(NameModels.none(), NameModels.bundled())) {
            DocumentAnnotator annotator = new DocumentAnnotator(AuthorityList.bundled(), models);
            double rate = words.size() / medianSeconds(rounds, () -> annotator.annotate(inLanguage));
            base = base == 0 ? rate : base;
            System.out.printf(Locale.ROOT, "%-42s %9d %14.0f %9.2fx%n", models == NameModels.none()
                    ? "list, dates, signs; no name model" : "the same with the " + language + " name model",
                    AuthorityList.bundled().entries().size(), rate, rate / base);
            System.out.flush();
        }
        for (int extra : new int[] {0, 2_000, 20_000, 50_000}) {
            AuthorityList list = extra == 0 ? AuthorityList.bundled() : AuthorityList.load(syntheticList(dir, extra));
            DocumentAnnotator annotator = new DocumentAnnotator(list);
            double rate = words.size() / medianSeconds(rounds, () -> annotator.annotate(text));
            System.out.printf(Locale.ROOT, "%-42s %9d %14.0f %9.2fx%n", "this annotator (index + trie)",
                    list.entries().size(), rate, rate / base);
            System.out.flush();
        }
        // The baseline only on the bundled list: its time grows with the list, and at 2,000 entries it
        // already takes many minutes over this text.
        AuthorityList bundled = AuthorityList.bundled();
        List<Pattern> patterns = regexPerSpelling(bundled);
        String plain = String.join(" ", words);
        double rate = words.size() / medianSeconds(rounds, () -> countMatches(patterns, plain));
        System.out.printf(Locale.ROOT, "%-42s %9d %14.0f %9.2fx%n", "baseline: a regular expression per spelling",
                bundled.entries().size(), rate, rate / base);
    }

    /** The bundled list's TEI with {@code extra} made-up persons added before its end. */
    private static Path syntheticList(Path dir, int extra) throws IOException {
        Path bundled = dir.resolve("bundled.xml");
        AuthorityList.bundled().copyTo(bundled);
        String tei = Files.readString(bundled, StandardCharsets.UTF_8);
        StringBuilder persons = new StringBuilder();
        Random random = new Random(extra);
        for (int i = 0; i < extra; i++) {
            String surname = name(random, 2 + random.nextInt(3));
            String given = name(random, 2);
            persons.append("<person xml:id=\"synthetic-").append(i).append("\">")
                    .append("<persName type=\"preferred\">").append(given).append(' ').append(surname).append("</persName>")
                    .append("<persName>").append(surname).append("</persName>")
                    .append("<persName>").append(surname).append("ff</persName>")
                    .append("<persName xml:lang=\"ru\">").append(cyrillic(surname)).append("</persName>")
                    .append("</person>\n");
        }
        Path file = dir.resolve("synthetic-" + extra + ".xml");
        Files.writeString(file, tei.replace("</listPerson>", persons + "</listPerson>"), StandardCharsets.UTF_8);
        return file;
    }

    /** A capitalised made-up name of a few syllables. */
    private static String name(Random random, int syllables) {
        String[] onsets = {"b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kh", "ch"};
        String[] vowels = {"a", "e", "i", "o", "u"};
        StringBuilder name = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            name.append(onsets[random.nextInt(onsets.length)]).append(vowels[random.nextInt(vowels.length)]);
        }
        name.append(random.nextBoolean() ? "ov" : "in");
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The made-up Latin name in Cyrillic letters, as a Russian text would print it. */
    private static String cyrillic(String latin) {
        String[][] letters = {{"sh", "ш"}, {"kh", "х"}, {"ch", "ч"}, {"b", "б"}, {"d", "д"}, {"g", "г"}, {"k", "к"},
            {"l", "л"}, {"m", "м"}, {"n", "н"}, {"p", "п"}, {"r", "р"}, {"s", "с"}, {"t", "т"}, {"v", "в"}, {"z", "з"},
            {"a", "а"}, {"e", "е"}, {"i", "и"}, {"o", "о"}, {"u", "у"}, {"f", "ф"}};
        String text = latin.toLowerCase(Locale.ROOT);
        for (String[] letter : letters) {
            text = text.replace(letter[0], letter[1]);
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<Pattern> regexPerSpelling(AuthorityList list) {
        List<Pattern> patterns = new ArrayList<>();
        for (AuthorityEntry entry : list.entries()) {
            for (String name : entry.names()) {
                patterns.add(Pattern.compile("\\b" + Pattern.quote(name) + "\\b",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }
        return patterns;
    }

    private static int countMatches(List<Pattern> patterns, String text) {
        int count = 0;
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                count++;
            }
        }
        return count;
    }

    private static double medianSeconds(int rounds, Runnable work) {
        work.run();
        double[] seconds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            work.run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[rounds / 2];
    }

    /** The words as one page of blocks of lines, as OCR gives them. */
    private static Document document(List<String> words, List<Language> languages) {
        List<Block> blocks = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<Word> lineWords = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            lineWords.add(new Word("p1_w" + (i + 1), words.get(i), new BoundingBox(lineWords.size() * 10, 0, 9, 9), 90));
            if (lineWords.size() == LINE_WORDS || i == words.size() - 1) {
                lines.add(new Line("p1_l" + (i + 1), BoundingBox.enclosing(lineWords.stream().map(Word::box).toList()),
                        lineWords));
                lineWords = new ArrayList<>();
            }
            if (lines.size() == BLOCK_LINES || i == words.size() - 1 && !lines.isEmpty()) {
                blocks.add(new Block("p1_b" + (i + 1), BoundingBox.enclosing(lines.stream().map(Line::box).toList()),
                        lines));
                lines = new ArrayList<>();
            }
        }
        Page page = Page.unread(1, new PageImage(Path.of("benchmark.png"), 1000, 1000, 300))
                .withText(TextOrigin.OCR, languages, blocks);
        return Document.ofPages("benchmark", new SourceFile(Path.of("benchmark.txt"), "benchmark.txt", "0".repeat(64),
                "text/plain", 1, 1, Map.of()), List.of(page), new ProcessingStep("ingest", "benchmark", "1", Map.of(),
                Duration.ZERO));
    }
}
