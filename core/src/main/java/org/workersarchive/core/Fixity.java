package org.workersarchive.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Checksums: a file's SHA-256 is its fixity value and its identity in the archive. */
public final class Fixity {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Fixity() {
    }

    /** Whether the text is a lower-case hex SHA-256, as {@link #sha256} writes it (and so a safe file name). */
    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    /** Lower-case hex SHA-256 of the file's bytes, read as a stream. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Lower-case hex SHA-256 of a text's UTF-8 bytes. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
