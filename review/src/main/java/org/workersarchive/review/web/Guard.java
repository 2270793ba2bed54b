package org.workersarchive.review.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What every request passes before its handler: the security headers (no script but the server's
 * own, no framing, no sniffing); a Host that names this server (421 otherwise: DNS rebinding); for
 * every POST, the login's too, an Origin of this server when the browser names one; the session
 * (made on loopback for whoever asks; on a shared server only by logging in with the password, or
 * with it as a Bearer token, both slowed then refused after wrong ones by a {@link LoginThrottle});
 * and for every request that changes something a session whose CSRF token the form carries.
 * Read-only servers refuse changes here, whatever the form.
 */
final class Guard {

    static final String SESSION = "session";
    /** Who corrects when the server runs for one person on their machine: that person. */
    private static final String LOCAL_USER = System.getProperty("user.name", "local user");

    private final Services services;
    private final ServerNames names;
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());

    Guard(Services services) {
        this.services = services;
        this.names = new ServerNames(services.config().host(), URI.create(services.config().iiif().baseUrl()));
    }

    void before(Context ctx) {
        securityHeaders(ctx);
        if (!ownHost(ctx)) {
            return;
        }
        if (ctx.method() == HandlerType.POST && !sameOrigin(ctx)) {
            throw new Forbidden("a form from another site: refused");
        }
        String path = ctx.path();
        if (path.startsWith("/assets/") || path.equals("/login")) {
            sessionIfAny(ctx);
            return;
        }
        Optional<Sessions.Session> session = sessionIfAny(ctx);
        if (session.isEmpty() && services.config().password() == null) {
            session = Optional.of(startSession(ctx, LOCAL_USER));
        }
        String token = bearerToken(ctx);
        if (session.isEmpty() && token != null) {
            Optional<Boolean> right = passwordMatches(ctx, token);
            if (right.isEmpty()) {
                ctx.skipRemainingHandlers();
                return;
            }
            session = right.get() ? Optional.of(tokenSession(ctx, services)) : Optional.empty();
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

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
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

    /**
     * Whether the given password is the server's, compared in constant time; empty when the client
     * may not try now (after too many wrong ones, from it or from everyone), with the 429 answered.
     */
    Optional<Boolean> passwordMatches(Context ctx, String given) {
        String client = LoginThrottle.client(ctx.ip());
        Optional<Duration> wait = throttle.attempt(client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(seconds))
                    .contentType("text/plain; charset=utf-8")
                    .result("too many wrong passwords: try again in " + seconds + " s\n");
            return Optional.empty();
        }
        String password = services.config().password();
        boolean right = given != null && password != null && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        if (right) {
            throttle.succeeded(client);
        }
        return Optional.of(right);
    }

    /** A Host that names this server, or the request answered 421 and ended. */
    private boolean ownHost(Context ctx) {
        InetAddress local;
        try {
            local = InetAddress.getByName(ctx.req().getLocalAddr());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the connection's own address is not an address: " + e.getMessage(), e);
        }
        int port = ctx.req().getLocalPort();
        String host = ctx.header("Host");
        if (names.answers(host, local, port)) {
            return true;
        }
        ctx.status(HttpStatus.MISDIRECTED_REQUEST).contentType("text/plain; charset=utf-8")
                .result(ServerNames.refusal(host, local, port));
        ctx.skipRemainingHandlers();
        return false;
    }

    /** The password a request carries as {@code Authorization: Bearer …} to a server that has one, or null. */
    private String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        return services.config().password() != null && header != null && header.startsWith("Bearer ")
                ? header.substring(7) : null;
    }

    /** A session for this request alone, kept nowhere: the token comes with every request. */
    private static Sessions.Session tokenSession(Context ctx, Services services) {
        Sessions.Session session = services.sessions().forOneRequest("token");
        ctx.attribute(SESSION, session);
        return session;
    }

    private void requireForm(Context ctx, Sessions.Session session) {
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

    /** A request that is refused whatever it holds (403). */
    static final class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }
}
