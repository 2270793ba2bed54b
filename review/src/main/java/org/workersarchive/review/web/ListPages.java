package org.workersarchive.review.web;

import org.workersarchive.review.html.Html;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.workersarchive.review.archive.CatalogQuery;
import org.workersarchive.review.archive.DocumentSummary;
import org.workersarchive.review.archive.FailedInput;

/** The archive's list, filtered and sorted, and the inputs that failed. */
final class ListPages {

    private final Services services;

    ListPages(Services services) {
        this.services = services;
    }

    void archive(Context ctx) {
        CatalogQuery query = new CatalogQuery(ctx.queryParam("language"), ctx.queryParam("script"),
                ctx.queryParam("from"), ctx.queryParam("to"), confidence(ctx.queryParam("below")), ctx.queryParam("sort"));
        List<DocumentSummary> all = services.catalog().all();
        List<DocumentSummary> shown = query.apply(all);
        Html html = Layout.start(ctx, services, "Archive");
        html.leaf("h1", "The archive: " + shown.size() + " of " + all.size() + " documents");
        filters(html, query, all);
        html.open("table", "id", "document-list", "class", "list").open("thead").open("tr");
        for (String heading : List.of("Title", "Date", "Languages", "Scripts", "Pages", "Mean confidence", "Doubtful words",
                "Corrections")) {
            html.leaf("th", heading);
        }
        html.close().close().open("tbody");
        for (DocumentSummary document : shown) {
            html.open("tr", "data-id", document.id());
            html.open("td").leaf("a", document.title(), "href", "/view/" + document.id() + "/1").close();
            html.leaf("td", document.date() == null ? "" : document.date());
            html.leaf("td", String.join(", ", document.languages()));
            html.leaf("td", String.join(", ", document.scripts()));
            html.leaf("td", String.valueOf(document.pages()), "class", "number");
            html.leaf("td", document.meanConfidence() < 0 ? "no text"
                    : String.format(Locale.ROOT, "%.1f", document.meanConfidence()), "class", "number");
            html.leaf("td", String.valueOf(document.doubtfulWords()), "class", "number");
            html.leaf("td", String.valueOf(document.corrections()), "class", "number");
            html.close();
        }
        html.close().close();
        Map<String, String> unreadable = services.catalog().unreadable();
        if (!unreadable.isEmpty()) {
            html.leaf("h2", "Documents that cannot be read");
            html.open("ul");
            unreadable.forEach((id, why) -> html.leaf("li", id + ": " + why));
            html.close();
        }
        ctx.html(Layout.finish(html, false));
    }

    void failures(Context ctx) throws IOException {
        List<FailedInput> failed = FailedInput.in(services.archive().failed());
        Html html = Layout.start(ctx, services, "Failed inputs");
        html.leaf("h1", failed.size() + " input(s) the pipeline could not make a document of");
        html.leaf("p", "Each is kept in failed/ with its reason; mend it and run ./archive retry.");
        html.open("table", "id", "failure-list", "class", "list").open("thead").open("tr").leaf("th", "File").leaf("th", "Reason")
                .close().close().open("tbody");
        for (FailedInput input : failed) {
            html.open("tr").leaf("td", input.name()).leaf("td", input.reason()).close();
        }
        html.close().close();
        ctx.html(Layout.finish(html, false));
    }

    private static void filters(Html html, CatalogQuery query, List<DocumentSummary> all) {
        html.open("form", "class", "filters", "method", "get", "action", "/");
        select(html, "language", "Language", new TreeSet<>(all.stream().flatMap(d -> d.languages().stream()).toList()),
                query.language());
        select(html, "script", "Script", new TreeSet<>(all.stream().flatMap(d -> d.scripts().stream()).toList()),
                query.script());
        html.open("label").text("Published from ").empty("input", "name", "from", "size", "10", "placeholder", "1920",
                "value", query.dateFrom()).close();
        html.open("label").text(" to ").empty("input", "name", "to", "size", "10", "placeholder", "1930-12",
                "value", query.dateTo()).close();
        html.open("label").text(" Mean confidence at most ").empty("input", "name", "below", "size", "4",
                "placeholder", "80", "value", query.maxConfidence() < 0 ? null : String.valueOf(query.maxConfidence()))
                .close();
        select(html, "sort", "Sort by", new TreeSet<>(CatalogQuery.SORTS.keySet()), query.sort());
        html.leaf("button", "Show", "type", "submit").close();
    }

    private static void select(Html html, String name, String label, TreeSet<String> values, String chosen) {
        html.open("label").text(label + " ").open("select", "name", name);
        if (!name.equals("sort")) {
            html.leaf("option", "any", "value", "");
        }
        for (String value : values) {
            html.leaf("option", value, "value", value, "selected", value.equals(chosen) ? "selected" : null);
        }
        html.close().close().text(" ");
    }

    private static double confidence(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a confidence is a number between 0 and 100, not " + text);
        }
    }
}
