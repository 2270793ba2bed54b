package org.workersarchive.review.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Wrong passwords are free a few times, then each costs twice the wait of the one before. */
class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void aClientWaitsTwiceAsLongAfterEachWrongPasswordBeyondTheFreeOnes() {
        for (int i = 0; i < LoginThrottle.FREE_PER_CLIENT; i++) {
            assertEquals(Optional.empty(), throttle.attempt("10.0.0.1"), "attempt " + (i + 1));
        }
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.attempt("10.0.0.1"));
        assertEquals(Optional.empty(), throttle.attempt("10.0.0.2"), "another client is not held up");
        clock.now = clock.now.plusSeconds(2);
        assertEquals(Optional.empty(), throttle.attempt("10.0.0.1"));
        assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.attempt("10.0.0.1"));
        clock.now = clock.now.plusSeconds(4);
        assertEquals(Optional.empty(), throttle.attempt("10.0.0.1"));
        throttle.succeeded("10.0.0.1");
        assertEquals(Optional.empty(), throttle.attempt("10.0.0.1"), "the right password forgets the failures");
        assertEquals(Optional.empty(), throttle.attempt("10.0.0.1"));
    }

    @Test
    void theWaitHasACeilingAndIsForgottenAfterAnHourOfQuiet() {
        for (int i = 0; i < 40; i++) {
            throttle.attempt("10.0.0.1");
            clock.now = clock.now.plus(throttle.attempt("10.0.0.1").orElse(Duration.ZERO));
        }
        assertEquals(Optional.empty(), throttle.attempt("10.0.0.1"));
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.attempt("10.0.0.1"));
        clock.now = clock.now.plus(Duration.ofMinutes(75));
        for (int i = 0; i < LoginThrottle.FREE_PER_CLIENT; i++) {
            assertEquals(Optional.empty(), throttle.attempt("10.0.0.1"), "free again, attempt " + (i + 1));
        }
    }

    @Test
    void wrongPasswordsFromManyClientsMakeEveryoneWait() {
        for (int i = 0; i < LoginThrottle.FREE_OVERALL; i++) {
            assertEquals(Optional.empty(), throttle.attempt("10.1.0." + i));
        }
        Optional<Duration> wait = throttle.attempt("10.2.0.1");
        assertTrue(wait.isPresent(), "a client that never guessed waits too");
        clock.now = clock.now.plus(wait.get());
        assertEquals(Optional.empty(), throttle.attempt("10.2.0.1"));
        throttle.succeeded("10.2.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.attempt("10.2.0.2"),
                "the wait the hundred failures earned, not lengthened by the right password");
    }

    @Test
    void anIpv6ClientIsItsNetworkOfSixtyFourBits() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", LoginThrottle.client("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals(LoginThrottle.client("[2001:db8:1:2::1]"), LoginThrottle.client("2001:db8:1:2::ffff"));
        assertEquals("192.0.2.7", LoginThrottle.client("192.0.2.7"));
    }
}
