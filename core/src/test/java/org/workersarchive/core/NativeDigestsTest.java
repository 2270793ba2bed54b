package org.workersarchive.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeDigestsTest {

    @BeforeAll
    static void install() {
        // Debian's libssl3 is on every machine the launcher provisions (curl needs it).
        assertTrue(NativeDigests.install(), "libcrypto could be loaded");
    }

    @Test
    void sha256ComesFromLibcryptoAndMatchesTheStandardVectors() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        assertEquals("WorkersArchiveNative", digest.getProvider().getName());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(digest.digest("abc".getBytes("US-ASCII"))));
        // The digest is reset after each result, as MessageDigest promises.
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(digest.digest()));
    }

    @Test
    void agreesWithTheJdkOnFilesOfAnySizeAndOnPiecemealInput(@TempDir Path dir) throws Exception {
        Random random = new Random(7);
        MessageDigest jdk = MessageDigest.getInstance("SHA-256", "SUN");
        for (int size : new int[] {0, 1, 63, 64, 65, 65_535, 65_536, 65_537, 1_000_003}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path file = Files.write(dir.resolve("f" + size), bytes);
            String expected = HexFormat.of().formatHex(jdk.digest(bytes));
            assertEquals(expected, Fixity.sha256(file), size + " bytes");

            MessageDigest piecemeal = MessageDigest.getInstance("SHA-256");
            for (int offset = 0; offset < size; ) {
                int count = Math.min(size - offset, 1 + random.nextInt(100_000));
                if (count == 1) {
                    piecemeal.update(bytes[offset]);
                } else {
                    piecemeal.update(bytes, offset, count);
                }
                offset += count;
            }
            assertEquals(expected, HexFormat.of().formatHex(piecemeal.digest()), size + " bytes in pieces");
        }
    }
}
