package org.workersarchive.review.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sessions are bounded: a client that never keeps its cookie cannot fill the memory. */
class SessionsTest {

    @Test
    void beyondTheLimitTheSessionUnusedTheLongestGoes() {
        Sessions sessions = new Sessions();
        Sessions.Session kept = sessions.start("Rosa");
        Sessions.Session idle = sessions.start("Karl");
        for (int i = 0; i < Sessions.MAX - 2; i++) {
            sessions.start("local user");
        }
        assertEquals(Sessions.MAX, sessions.count());
        assertTrue(sessions.find(kept.id).isPresent(), "Rosa came back: hers is now the newest in use");
        for (int i = 0; i < Sessions.MAX / 2; i++) {
            sessions.start("local user");
        }
        assertEquals(Sessions.MAX, sessions.count(), "never more than the limit");
        assertTrue(sessions.find(kept.id).isPresent(), "Rosa's, used since, stays");
        assertTrue(sessions.find(idle.id).isEmpty(), "Karl's, unused the longest, went first");
    }

    @Test
    void aSessionForOneRequestIsNotKept() {
        Sessions sessions = new Sessions();
        Sessions.Session token = sessions.forOneRequest("token");
        assertEquals(0, sessions.count());
        assertTrue(sessions.find(token.id).isEmpty());
    }
}
