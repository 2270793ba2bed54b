package org.workersarchive.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.ArchiveLayout;

/**
 * Compares the text several OCR tools made of the benchmark pages ({@link BenchmarkPages}) with the
 * ground truth: CER and WER per condition (clean, degraded, turned), per language and overall,
 * and the seconds each tool took per page. Errors are summed over pages before dividing (micro
 * averages), so long pages weigh as much as their text.
 */
public final class OcrComparison {

    /** One tool's output: where its text is and how long it took for all pages. */
    record Tool(String name, Function<String, String> textOfPage, double seconds) {
    }

    private final List<GroundTruth> truths;
    private final List<Tool> tools = new ArrayList<>();

    OcrComparison(List<GroundTruth> truths) {
        this.truths = truths;
    }

    /**
     * Usage: {@code OcrComparison TRUTH_DIR (NAME KIND PATH SECONDS)...} where KIND is {@code text} (PATH
     * holds PAGE.png.txt for each page) or {@code archive} (PATH is an archive made by this pipeline).
     * Prints the tables as Markdown.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 5 || (args.length - 1) % 4 != 0) {
            System.err.println("usage: OcrComparison TRUTH_DIR (NAME text|archive PATH SECONDS)...");
            System.exit(2);
        }
        OcrComparison comparison = new OcrComparison(truths(Path.of(args[0])));
        for (int i = 1; i < args.length; i += 4) {
            comparison.add(args[i], args[i + 1], Path.of(args[i + 2]), Double.parseDouble(args[i + 3]));
        }
        System.out.print(comparison.table());
    }

    void add(String name, String kind, Path path, double seconds) throws IOException {
        Function<String, String> textOfPage = switch (kind) {
            case "text" -> page -> read(path.resolve(page + ".txt"));
            case "archive" -> {
                Map<String, Path> folders = new Evaluator().documentsByFile(new ArchiveLayout(path).documents());
                yield page -> folders.containsKey(page) ? read(new DocumentFolder(folders.get(page)).text()) : "";
            }
            default -> throw new IllegalArgumentException("kind must be text or archive, not " + kind);
        };
        tools.add(new Tool(name, textOfPage, seconds));
    }

    /** Two Markdown tables: CER / WER by condition and by language, with seconds per page. */
    String table() {
        List<String> conditions = List.of("clean", "degraded", "turned");
        List<String> languages = new ArrayList<>(new TreeSet<>(truths.stream().map(t -> t.languages().get(0)).toList()));
        StringBuilder out = new StringBuilder();
        out.append(header("CER / WER by condition", conditions, "s/page"));
        for (Tool tool : tools) {
            List<String> cells = new ArrayList<>();
            conditions.forEach(condition -> cells.add(score(tool, t -> t.file().endsWith("-" + condition + ".png"))));
            cells.add(score(tool, t -> true));
            cells.add(String.format(Locale.ROOT, "%.2f", tool.seconds() / truths.size()));
            out.append(row(tool.name(), cells));
        }
        out.append('\n').append(header("CER / WER by language (all conditions)", languages, "pages"));
        for (Tool tool : tools) {
            List<String> cells = new ArrayList<>();
            languages.forEach(language -> cells.add(score(tool, t -> t.languages().get(0).equals(language))));
            cells.add(score(tool, t -> true));
            cells.add(String.valueOf(truths.size()));
            out.append(row(tool.name(), cells));
        }
        return out.toString();
    }

    private String score(Tool tool, Predicate<GroundTruth> which) {
        ErrorCounts errors = ErrorCounts.NONE;
        for (GroundTruth truth : truths) {
            if (which.test(truth)) {
                errors = errors.plus(ErrorCounts.of(truth.text(), tool.textOfPage().apply(truth.file())));
            }
        }
        return errors.rates();
    }

    private static String header(String title, List<String> groups, String last) {
        StringBuilder line = new StringBuilder("| " + title + " |");
        groups.forEach(group -> line.append(' ').append(group).append(" |"));
        line.append(" all | ").append(last).append(" |\n|---|");
        line.append("---|".repeat(groups.size() + 2)).append('\n');
        return line.toString();
    }

    private static String row(String name, List<String> cells) {
        return "| " + name + " | " + String.join(" | ", cells) + " |\n";
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<GroundTruth> truths(Path truthDir) throws IOException {
        List<GroundTruth> truths = new ArrayList<>();
        try (Stream<Path> files = Files.list(truthDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                truths.add(GroundTruth.read(file));
            }
        }
        return truths;
    }
}
