package org.workersarchive.review.web;

import org.workersarchive.review.html.Html;
import io.javalin.http.Context;

/** The frame of every page: head, the bar with the archive, search and new names, who is correcting. */
final class Layout {

    private Layout() {
    }

    /** Opens the page up to its main part; the caller writes the main part and calls {@link Html#finish()}. */
    static Html start(Context ctx, Services services, String title) {
        Html html = new Html();
        html.open("html", "lang", "en").open("head").empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .leaf("title", title + " · archive review")
                .empty("link", "rel", "stylesheet", "href", "/assets/review.css").close();
        html.open("body").open("header", "class", "bar");
        html.leaf("a", "Archive", "href", "/", "class", "home");
        html.open("form", "class", "search", "method", "get", "action", "/search")
                .empty("input", "type", "search", "name", "q", "placeholder", "Search the texts and names",
                        "aria-label", "search", "value", ctx.path().equals("/search") ? ctx.queryParam("q") : null)
                .leaf("button", "Search", "type", "submit").close();
        html.leaf("a", "New names", "href", "/names");
        html.leaf("a", "Failed inputs", "href", "/failures");
        if (services.config().readOnly()) {
            html.leaf("span", "read-only", "class", "badge");
        }
        Sessions.Session session = ctx.attribute(Guard.SESSION);
        if (session != null) {
            html.open("span", "class", "who").text("You: ").leaf("strong", session.name, "id", "who").close();
            html.open("form", "class", "inline", "method", "post", "action", "/session/name")
                    .empty("input", "type", "hidden", "name", "csrf", "value", session.csrf)
                    .empty("input", "type", "text", "name", "name", "aria-label", "your name", "placeholder", "your name",
                            "size", "12")
                    .leaf("button", "Rename", "type", "submit").close();
            String flash = session.flash;
            if (flash != null) {
                session.flash = null;
                html.close().leaf("p", flash, "class", "flash", "id", "flash");
                return html.open("main");
            }
        }
        html.close();
        return html.open("main");
    }

    /** The page's end: the server's own script, which the page's elements tell what to do. */
    static String finish(Html html, boolean viewer) {
        html.close();
        if (viewer) {
            html.open("script", "src", "/assets/openseadragon/openseadragon.min.js").close();
        }
        html.open("script", "src", "/assets/review.js").close();
        return html.finish();
    }
}
