package org.workersarchive.review.web;

import org.workersarchive.review.html.Html;
import io.javalin.http.Context;

/** A page that says what went wrong, keeps what the person typed, and leads back. */
final class MessagePage {

    private MessagePage() {
    }

    /**
     * @param typed what the person had typed, shown so that it is not lost; null when nothing
     * @param back  where to go on from here
     */
    static String render(Context ctx, Services services, String heading, String message, String typed, String back) {
        Html html = Layout.start(ctx, services, heading);
        html.leaf("h1", heading).leaf("p", message, "class", "error", "id", "error");
        if (typed != null && !typed.isEmpty()) {
            html.leaf("p", "What you typed, not saved:");
            html.leaf("textarea", typed, "id", "unsaved", "readonly", "readonly", "rows", "3", "cols", "80");
        }
        html.open("p").leaf("a", "Back", "href", back, "id", "back").close();
        return Layout.finish(html, false);
    }
}
