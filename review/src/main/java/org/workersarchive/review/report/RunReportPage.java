package org.workersarchive.review.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.workersarchive.review.html.Html;

/**
 * {@code runs/RUN/report.html}: the run's report.json as a person reads it, in one file that needs
 * nothing beside it (styles inline, charts as inline SVG, thumbnails as data: URIs, no script): the
 * summary and pages a minute, a histogram of the pages' confidences, their languages and scripts,
 * the twenty pages to check first with a thumbnail each and a link into the review server, every
 * failure with its reason, and the names the run found that the authority list does not know.
 * Written under a temporary name and renamed. Keeps the thumbnails it made, so that a run that
 * writes its page again (every minute, and at its end) decodes each page image once: one per run.
 * Thread-safe.
 */
public final class RunReportPage {

    /** The file's name beside report.json. */
    public static final String FILE = "report.html";
    static final int PAGES_TO_CHECK = 20;
    private static final String STYLE = "body{font-family:sans-serif;margin:1em 2em;color:#222}"
            + "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left;"
            + "vertical-align:top}td.n{text-align:right}img{border:1px solid #ccc}h2{margin-top:1.5em}";

    private final ObjectMapper json = new ObjectMapper();
    private final Thumbnails thumbnails = new Thumbnails();

    /**
     * Writes report.html beside the run's report.json.
     *
     * @param runFolder      runs/RUN, holding report.json (and new-names.json)
     * @param reviewUrl      where the review server serves the archive (links to the pages), with a trailing slash
     * @param uncertainBelow the TEI's threshold under which a word is doubtful
     * @return the file written
     */
    public Path write(Path runFolder, String reviewUrl, int uncertainBelow) throws IOException {
        JsonNode report = json.readTree(runFolder.resolve("report.json").toFile());
        Path names = runFolder.resolve("new-names.json");
        JsonNode newNames = Files.isRegularFile(names) ? json.readTree(names.toFile()).path("names") : json.createArrayNode();
        Html html = new Html();
        String run = runFolder.getFileName().toString();
        html.open("html", "lang", "en").open("head").empty("meta", "charset", "utf-8").leaf("title", "Run " + run)
                .leaf("style", STYLE).close().open("body");
        html.leaf("h1", "Run " + run);
        summary(html, report);
        ReportPages reportPages = new ReportPages(uncertainBelow, thumbnails);
        List<PageToCheck> pages = reportPages.all(report);
        histogram(html, pages);
        languages(html, report);
        toCheck(html, reportPages.first(pages, report), reviewUrl);
        failures(html, report);
        newNames(html, newNames);
        Path target = runFolder.resolve(FILE);
        Path partial = runFolder.resolve("." + FILE + ".partial");
        Files.writeString(partial, html.finish(), StandardCharsets.UTF_8);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static void summary(Html html, JsonNode report) {
        JsonNode summary = report.path("summary");
        int pages = 0;
        for (JsonNode input : report.path("inputs")) {
            pages += input.path("pages").asInt();
        }
        double minutes = minutes(report.path("started").asText(), report.path("updated").asText());
        html.leaf("h2", "Summary").open("table", "id", "summary");
        row(html, "Started", report.path("started").asText());
        row(html, "Last written", report.path("updated").asText());
        summary.fields().forEachRemaining(field -> {
            if (field.getValue().isNumber()) {
                String key = field.getKey().toLowerCase(Locale.ROOT);
                row(html, key.equals("inputs") ? "Inputs" : "Inputs " + key, field.getValue().asText());
            }
        });
        row(html, "Pages", String.valueOf(pages));
        row(html, "Pages a minute", minutes <= 0 ? "–" : String.format(Locale.ROOT, "%.1f", pages / minutes));
        html.close();
    }

    private static double minutes(String started, String updated) {
        try {
            return Duration.between(Instant.parse(started), Instant.parse(updated)).toMillis() / 60_000.0;
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private static void row(Html html, String label, String value) {
        html.open("tr").leaf("th", label).leaf("td", value, "class", "n").close();
    }

    private static void histogram(Html html, List<PageToCheck> pages) {
        html.leaf("h2", "Pages by mean confidence");
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int low = 0; low < 100; low += 10) {
            int from = low;
            labels.add(from + (from == 90 ? "–100" : "–" + (from + 9)));
            counts.add((int) pages.stream().filter(p -> p.confidence() >= from
                    && (from == 90 ? p.confidence() <= 100 : p.confidence() < from + 10)).count());
        }
        Svg.bars(html, "pages by mean confidence", labels, counts);
    }

    private static void languages(Html html, JsonNode report) {
        Map<String, Integer> languages = new TreeMap<>();
        Map<String, Integer> scripts = new TreeMap<>();
        for (JsonNode input : report.path("inputs")) {
            for (JsonNode page : input.path("pageDetails")) {
                String language = page.path("languages").path(0).asText("none");
                languages.merge(language, 1, Integer::sum);
                scripts.merge(page.path("script").asText("unknown"), 1, Integer::sum);
            }
        }
        html.leaf("h2", "Pages by language (model read with)");
        Svg.bars(html, "pages by language", List.copyOf(languages.keySet()), List.copyOf(languages.values()));
        html.leaf("h2", "Pages by script");
        Svg.bars(html, "pages by script", List.copyOf(scripts.keySet()), List.copyOf(scripts.values()));
    }

    private static void toCheck(Html html, List<PageToCheck> pages, String reviewUrl) {
        List<PageToCheck> first = pages;
        html.leaf("h2", "The " + first.size() + " pages to check first");
        html.open("table", "id", "to-check").open("tr");
        for (String heading : List.of("", "Document", "Page", "Mean confidence", "Doubtful words", "Words")) {
            html.leaf("th", heading);
        }
        html.close();
        for (PageToCheck page : first) {
            String link = reviewUrl + "view/" + page.documentId() + "/" + page.page();
            html.open("tr").open("td");
            if (page.thumbnail() != null) {
                html.open("a", "href", link).empty("img", "src", page.thumbnail(), "alt", "page " + page.page(),
                        "width", "120").close();
            }
            html.close().open("td").leaf("a", page.title(), "href", link).close();
            html.leaf("td", String.valueOf(page.page()), "class", "n");
            html.leaf("td", String.format(Locale.ROOT, "%.1f", page.confidence()), "class", "n");
            html.leaf("td", String.valueOf(page.doubtfulWords()), "class", "n");
            html.leaf("td", String.valueOf(page.words()), "class", "n").close();
        }
        html.close();
    }

    private static void failures(Html html, JsonNode report) {
        List<JsonNode> failed = new ArrayList<>();
        report.path("inputs").forEach(input -> {
            if (input.path("status").asText().equalsIgnoreCase("failed")) {
                failed.add(input);
            }
        });
        html.leaf("h2", failed.size() + " failure(s)");
        html.open("table", "id", "failures");
        for (JsonNode input : failed) {
            html.open("tr").leaf("td", Path.of(input.path("path").asText()).getFileName().toString())
                    .leaf("td", input.path("reason").asText()).close();
        }
        html.close();
    }

    private static void newNames(Html html, JsonNode names) {
        html.leaf("h2", names.size() + " new name(s): not in the authority list");
        html.open("table", "id", "new-names");
        for (JsonNode name : names) {
            List<String> documents = new ArrayList<>();
            name.path("documents").forEach(d -> documents.add(d.asText()));
            html.open("tr").leaf("td", name.path("type").asText().toLowerCase(Locale.ROOT))
                    .leaf("td", name.path("surface").asText()).leaf("td", name.path("count").asText(), "class", "n")
                    .leaf("td", String.join(", ", documents)).close();
        }
        html.close();
    }
}
