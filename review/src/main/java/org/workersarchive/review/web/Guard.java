package org.workersarchive.review.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * What every request passes before its handler: the security headers (no script but the server's
 * own, no framing, no sniffing), the session (made on loopback for whoever asks; on a shared
 * server only by logging in with the password), and for every request that changes something a
 * session whose CSRF token the form carries, from a page of this server. Read-only servers refuse
 * changes here, whatever the form.
 */
final class Guard {

    static final String SESSION = "session";
    /** Who corrects when the server runs for one person on their machine: that person. */
    private static final String LOCAL_USER = System.getProperty("user.name", "local user");

    private final Services services;

    Guard(Services services) {
        this.services = services;
    }

    void before(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        String path = ctx.path();
        if (path.startsWith("/assets/") || path.equals("/login")) {
            sessionIfAny(ctx);
            return;
        }
        Optional<Sessions.Session> session = sessionIfAny(ctx);
        if (session.isEmpty() && services.config().password() == null) {
            session = Optional.of(startSession(ctx, LOCAL_USER));
        }
        if (session.isEmpty() && bearerMatches(ctx)) {
            session = Optional.of(services.sessions().start("token"));
            ctx.attribute(SESSION, session.get());
        }
        if (session.isEmpty()) {
            if (ctx.method() == HandlerType.GET) {
                ctx.redirect("/login", HttpStatus.SEE_OTHER);
            } else {
                ctx.status(HttpStatus.UNAUTHORIZED).result("log in first: /login");
            }
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method() == HandlerType.POST) {
            requireForm(ctx, session.get());
        }
    }

    /** A new session for this person, its cookie set. */
    Sessions.Session startSession(Context ctx, String name) {
        Sessions.Session session = services.sessions().start(name);
        Cookie cookie = new Cookie(Sessions.COOKIE, session.id);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        ctx.cookie(cookie);
        ctx.attribute(SESSION, session);
        return session;
    }

    static Sessions.Session session(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new IllegalStateException("no session");
        }
        return session;
    }

    private Optional<Sessions.Session> sessionIfAny(Context ctx) {
        Optional<Sessions.Session> session = services.sessions().find(ctx.cookie(Sessions.COOKIE));
        session.ifPresent(s -> ctx.attribute(SESSION, s));
        return session;
    }

    private void requireForm(Context ctx, Sessions.Session session) {
        if (!sameOrigin(ctx)) {
            throw new Forbidden("a form from another site: refused");
        }
        if (ctx.path().equals("/logout") || ctx.path().startsWith("/session")) {
            requireToken(ctx, session);
            return;
        }
        if (services.config().readOnly()) {
            throw new Forbidden("this server is read-only (--read-only): nothing is saved here");
        }
        requireToken(ctx, session);
    }

    private static void requireToken(Context ctx, Sessions.Session session) {
        if (!session.csrfMatches(ctx.formParam("csrf"))) {
            throw new Forbidden("the form's token is not this session's (the server restarted, or the page is old): "
                    + "nothing was saved; reload the page and try again");
        }
    }

    /** A browser names the page a form came from; it must be this server's. */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        try {
            URI uri = URI.create(origin);
            String host = ctx.header("Host");
            return host != null && host.equalsIgnoreCase(uri.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean bearerMatches(Context ctx) {
        String header = ctx.header("Authorization");
        String password = services.config().password();
        return password != null && header != null && header.startsWith("Bearer ") && MessageDigest.isEqual(
                header.substring(7).getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    /** A request that is refused whatever it holds (403). */
    static final class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }
}
