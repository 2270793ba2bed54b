package org.workersarchive.review.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which Host headers a server answers, by where it listens and the URL the archive gives. */
class ServerNamesTest {

    private static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8080/");

    @Test
    void onLoopbackItsAddressesAndLocalhostWithItsPort() throws Exception {
        ServerNames names = new ServerNames("127.0.0.1", DEFAULT_URL);
        InetAddress local = InetAddress.getByName("127.0.0.1");
        for (String host : new String[] {"127.0.0.1:9000", "localhost:9000", "LocalHost.:9000", "[::1]:9000"}) {
            assertTrue(names.answers(host, local, 9000), host);
        }
        for (String host : new String[] {"attacker.example:9000", "attacker.example", "localhost", "127.0.0.2:9000",
                "localhost:9001", "localhost.attacker.example:9000", "127.0.0.1:9000@x", "", " ", "[::2]:9000"}) {
            assertFalse(names.answers(host, local, 9000), host);
        }
        assertFalse(names.answers(null, local, 9000), "no Host header");
        assertTrue(names.answers("127.0.0.1", local, 9000), "the configured URL's host, without a port");
        assertTrue(names.answers("127.0.0.1:8080", local, 9000), "or with the URL's port");
    }

    @Test
    void onEveryAddressTheOneTheConnectionCameToAndThePublicName() throws Exception {
        ServerNames names = new ServerNames("0.0.0.0", URI.create("https://archive.example.org/archive/"));
        InetAddress local = InetAddress.getByName("192.168.1.20");
        assertTrue(names.answers("192.168.1.20:8080", local, 8080));
        assertTrue(names.answers("archive.example.org", local, 8080), "behind a proxy that keeps the Host");
        assertTrue(names.answers("Archive.Example.Org:443", local, 8080));
        assertTrue(names.answers("archive.example.org:8080", local, 8080));
        assertFalse(names.answers("archive.example.org:9999", local, 8080));
        assertFalse(names.answers("localhost:8080", local, 8080), "not on loopback");
        assertFalse(names.answers("0.0.0.0:8080", local, 8080));
        assertFalse(names.answers("attacker.example:8080", local, 8080));
        ServerNames named = new ServerNames("archive-box.lan", DEFAULT_URL);
        assertTrue(named.answers("archive-box.lan:8080", local, 8080), "--host given as a name");
    }
}
