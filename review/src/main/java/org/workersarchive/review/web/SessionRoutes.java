package org.workersarchive.review.web;

import org.workersarchive.review.html.Html;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/** Logging in with the server's password (on a shared server), out, and naming oneself. */
final class SessionRoutes {

    private final Services services;
    private final Guard guard;

    SessionRoutes(Services services, Guard guard) {
        this.services = services;
        this.guard = guard;
    }

    void loginPage(Context ctx) {
        Html html = Layout.start(ctx, services, "Log in");
        html.leaf("h1", "Log in to the archive");
        html.open("form", "method", "post", "action", "/login", "class", "login");
        html.open("label").text("Your name (the revision history names who corrected what) ")
                .empty("input", "name", "name", "id", "login-name", "required", "required").close();
        html.open("label").text(" Password ").empty("input", "type", "password", "name", "password", "id", "login-password",
                "required", "required").close();
        html.leaf("button", "Log in", "type", "submit", "id", "login").close();
        ctx.html(Layout.finish(html, false));
    }

    /** A wrong password is answered at once; after a few, the guard's throttle refuses (429) before comparing. */
    void login(Context ctx) {
        if (services.config().password() == null) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        Optional<Boolean> right = guard.passwordMatches(ctx, ctx.formParam("password"));
        if (right.isEmpty()) {
            return;
        }
        if (!right.get()) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(MessagePage.render(ctx, services, "Not logged in",
                    "That is not the password this server was started with.", null, "/login"));
            return;
        }
        guard.startSession(ctx, Sessions.cleanName(ctx.formParam("name")));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        services.sessions().end(Guard.session(ctx));
        ctx.removeCookie(Sessions.COOKIE, "/");
        ctx.redirect(services.config().password() == null ? "/" : "/login", HttpStatus.SEE_OTHER);
    }

    void rename(Context ctx) {
        Sessions.Session session = Guard.session(ctx);
        session.name = Sessions.cleanName(ctx.formParam("name"));
        session.flash = "Your corrections are now saved as " + session.name + "'s.";
        String back = ctx.header("Referer");
        ctx.redirect(back != null && back.startsWith("http") ? "/" : "/", HttpStatus.SEE_OTHER);
    }
}
