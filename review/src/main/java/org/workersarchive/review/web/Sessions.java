package org.workersarchive.review.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server's sessions: a random id in a cookie (HttpOnly, SameSite=Strict), the person's name
 * (who the revision history credits), and a CSRF token that every form that changes something
 * carries back. Sessions live in memory: a restart logs everyone out, which loses no correction
 * (a page whose session is gone is refused and says so). At most {@value #MAX} are kept: beyond,
 * the one unused the longest goes, so that a client that never keeps its cookie (on loopback every
 * request without one makes a session) cannot fill the memory. Thread-safe.
 */
final class Sessions {

    static final String COOKIE = "archive-review";
    /** A session unused this long is forgotten. */
    private static final Duration IDLE = Duration.ofHours(12);
    /** More sessions than any team has: beyond, the one unused the longest goes. */
    static final int MAX = 10_000;

    /** One person's session. {@code name} may change; the rest never does. */
    static final class Session {
        final String id;
        final String csrf;
        volatile String name;
        volatile Instant used = Instant.now();
        /** A message for the next page this person sees (what a save did), shown once. */
        volatile String flash;

        Session(String id, String csrf, String name) {
            this.id = id;
            this.csrf = csrf;
            this.name = name;
        }

        /** Whether a form's token is this session's, compared in constant time. */
        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final SecureRandom random = new SecureRandom();
    /** In order of use, the one unused the longest first; guarded by itself. */
    private final Map<String, Session> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > MAX;
        }
    };

    /** A new session for a person of that name, kept until it ends, idles out or is the oldest of too many. */
    Session start(String name) {
        Session session = forOneRequest(name);
        synchronized (byId) {
            byId.put(session.id, session);
        }
        return session;
    }

    /**
     * A session that is not kept: for a request that proves who it is by itself (the password as a
     * Bearer token), which would otherwise leave a session behind at every call.
     */
    Session forOneRequest(String name) {
        return new Session(token(), token(), name);
    }

    /** The session of that id, if it is still alive. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session;
        synchronized (byId) {
            session = byId.get(id);
        }
        if (session == null) {
            return Optional.empty();
        }
        if (session.used.plus(IDLE).isBefore(Instant.now())) {
            end(session);
            return Optional.empty();
        }
        session.used = Instant.now();
        return Optional.of(session);
    }

    void end(Session session) {
        synchronized (byId) {
            byId.remove(session.id);
        }
    }

    /** How many sessions are kept. */
    int count() {
        synchronized (byId) {
            return byId.size();
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A person's name as the revision history gives it: printable, one line, at most 80 characters. */
    static String cleanName(String name) {
        String clean = name == null ? "" : name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("give your name: the archive's revision history says who corrected what");
        }
        return clean.length() > 80 ? clean.substring(0, 80) : clean;
    }
}
