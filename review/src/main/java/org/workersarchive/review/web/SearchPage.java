package org.workersarchive.review.web;

import org.workersarchive.review.html.Html;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.review.search.SearchHit;

/**
 * Search results: each hit with its document and page, the hit cut out of the page image (a IIIF
 * region), and a link to the page with the hit's lines marked on the image and in the text.
 */
final class SearchPage {

    private static final List<String> TYPES = List.of("person", "organisation", "place", "publication", "event", "date");

    private final Services services;

    SearchPage(Services services) {
        this.services = services;
    }

    void render(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        boolean names = "names".equals(ctx.queryParam("in"));
        String type = ctx.queryParam("type");
        if (type != null && !type.isEmpty() && !TYPES.contains(type)) {
            throw new IllegalArgumentException("names are of type " + String.join(", ", TYPES) + ", not " + type);
        }
        Html html = Layout.start(ctx, services, "Search");
        html.leaf("h1", q.isEmpty() ? "Search" : "Search: " + q);
        form(html, q, names, type);
        if (!q.isEmpty()) {
            List<SearchHit> hits = services.index().search(q, names, type);
            html.leaf("p", hits.size() + (hits.size() == 200 ? "+" : "") + " hit(s)", "id", "hit-count");
            results(html, q, hits);
        }
        ctx.html(Layout.finish(html, false));
    }

    private static void form(Html html, String q, boolean names, String type) {
        html.open("form", "method", "get", "action", "/search", "class", "filters");
        html.empty("input", "type", "search", "name", "q", "value", q, "aria-label", "words", "size", "40");
        html.open("label").text(" in ").open("select", "name", "in")
                .leaf("option", "the text", "value", "text", "selected", names ? null : "selected")
                .leaf("option", "names and dates", "value", "names", "selected", names ? "selected" : null).close().close();
        html.open("label").text(" of type ").open("select", "name", "type").leaf("option", "any", "value", "");
        TYPES.forEach(t -> html.leaf("option", t, "value", t, "selected", t.equals(type) ? "selected" : null));
        html.close().close().leaf("button", "Search", "type", "submit").close();
    }

    private void results(Html html, String q, List<SearchHit> hits) {
        Map<String, List<SearchHit>> byPage = hits.stream().collect(Collectors.groupingBy(
                h -> h.documentId() + "/" + h.page(), LinkedHashMap::new, Collectors.toList()));
        html.open("ol", "id", "hits", "class", "hits");
        for (List<SearchHit> onPage : byPage.values()) {
            SearchHit first = onPage.get(0);
            String title = services.catalog().summary(first.documentId()).map(s -> s.title()).orElse(first.documentId());
            String lines = onPage.stream().map(SearchHit::lineId).distinct().collect(Collectors.joining(","));
            String href = "/view/" + first.documentId() + "/" + first.page() + "?hl=" + lines + "&q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8);
            html.open("li", "class", "hit").open("p").leaf("a", title + ", page " + first.page(), "href", href).close();
            for (SearchHit hit : onPage) {
                html.open("div", "class", "hit-line");
                html.empty("img", "src", region(hit), "alt", hit.text(), "class", "crop", "loading", "lazy");
                html.open("p");
                if (hit.entity()) {
                    html.leaf("span", hit.type(), "class", "chip ent-" + hit.type()).text(" ");
                }
                html.text(hit.text()).close().close();
            }
            html.close();
        }
        html.close();
    }

    /** The hit cut out of its page image, a little wider than its box, at most 600 pixels wide. */
    private static String region(SearchHit hit) {
        BoundingBox box = hit.box();
        int margin = Math.max(4, box.height() / 3);
        int x = Math.max(0, box.x() - margin);
        int y = Math.max(0, box.y() - margin);
        int w = box.width() + 2 * margin;
        int h = box.height() + 2 * margin;
        String size = w > 600 ? "600," : "max";
        return IiifRoutes.PREFIX + hit.documentId() + "/" + hit.page() + "/" + x + "," + y + "," + w + "," + h + "/"
                + size + "/0/default.jpg";
    }
}
