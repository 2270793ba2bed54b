package org.workersarchive.review.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing, then refuses it: per client address and for all clients together. A few
 * wrong passwords are free; each one more locks the client (or everyone) out for twice as long as
 * the one before, up to a ceiling; while locked out, a password is not even compared, the answer is
 * how long to wait (429 with Retry-After). Nothing sleeps: a thread is never held for a guesser.
 *
 * <p>Every attempt counts as wrong until {@link #succeeded} says otherwise, so that a hundred guesses
 * sent at once are counted before any of them is compared, not after. A right password forgets its
 * client's failures and costs nothing. A counter idle for {@link #FORGET} is forgotten. Thread-safe.
 *
 * <p>An IPv6 client is its /64 network, which one person is given whole. The overall limit stops
 * guesses spread over more addresses;
 * its price is that such a flood also keeps people from logging in for a minute at a time, while
 * everyone already logged in goes on. Behind a reverse proxy every client has the proxy's address.
 */
final class LoginThrottle {

    /** What one client may get wrong before it waits, e.g. a few typing mistakes. */
    static final int FREE_PER_CLIENT = 5;
    /** What all clients together may get wrong before everyone waits. */
    static final int FREE_OVERALL = 100;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    private static final Duration LONGEST_WAIT_PER_CLIENT = Duration.ofMinutes(15);
    /** Short: a flood from many addresses keeps everyone out for at most this long at a time. */
    private static final Duration LONGEST_WAIT_OVERALL = Duration.ofMinutes(1);
    private static final Duration FORGET = Duration.ofHours(1);
    /** More addresses than ever log in; beyond, the one quiet the longest is forgotten (the overall count stays). */
    private static final int MAX_CLIENTS = 10_000;

    /** One counter of wrong passwords, and until when its holder waits. */
    private static final class Failures {
        private final int free;
        private final Duration longest;
        private int count;
        private Instant lockedUntil = Instant.MIN;
        private Instant last = Instant.MIN;

        Failures(int free, Duration longest) {
            this.free = free;
            this.longest = longest;
        }

        Optional<Duration> wait(Instant now) {
            return now.isBefore(lockedUntil) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
        }

        void count(Instant now) {
            if (last.plus(FORGET).isBefore(now)) {
                count = 0;
            }
            count++;
            last = now;
            lock();
        }

        /** The attempt counted last had the right password: the wait is what the failures alone earned. */
        void forgiveOne() {
            count = Math.max(0, count - 1);
            lock();
        }

        private void lock() {
            if (count < free) {
                lockedUntil = Instant.MIN;
                return;
            }
            Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(count - free, 20));
            lockedUntil = last.plus(wait.compareTo(longest) > 0 ? longest : wait);
        }
    }

    private final Clock clock;
    private final Failures overall = new Failures(FREE_OVERALL, LONGEST_WAIT_OVERALL);
    private final Map<String, Failures> byClient = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * A password attempt from that client: empty when it may be compared (and is counted as wrong
     * until {@link #succeeded}), else how long the client must wait.
     *
     * @param client the client's address, as the connection has it
     */
    synchronized Optional<Duration> attempt(String client) {
        Instant now = clock.instant();
        Failures own = byClient.computeIfAbsent(client, c -> new Failures(FREE_PER_CLIENT, LONGEST_WAIT_PER_CLIENT));
        Optional<Duration> wait = own.wait(now).or(() -> overall.wait(now));
        if (wait.isEmpty()) {
            own.count(now);
            overall.count(now);
        }
        return wait;
    }

    /**
     * Who a connection's address counts as: an IPv4 address itself, an IPv6 address its /64.
     *
     * @param remoteAddress an IP literal, as the connection gives it
     */
    static String client(String remoteAddress) {
        try {
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                byte[] network = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + remoteAddress, e);
        }
    }

    /** The attempt just allowed had the right password: not a failure after all. */
    synchronized void succeeded(String client) {
        byClient.remove(client);
        overall.forgiveOne();
    }
}
