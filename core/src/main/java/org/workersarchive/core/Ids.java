package org.workersarchive.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identifiers of documents and of their parts. They double as XML ids and as folder names, so
 * they are restricted to ASCII letters, digits, '-', '_' and '.', starting with a letter.
 */
public final class Ids {

    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,199}");
    private static final int SLUG_LENGTH = 60;
    private static final int CHECKSUM_PREFIX = 12;

    private Ids() {
    }

    public static String requireValid(String id) {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a valid id (ASCII letter first, then letters, digits, . _ -): " + id);
        }
        return id;
    }

    /**
     * A document's id: a readable slug of the file name and the first 12 hex digits of its
     * checksum, so that the same bytes always get the same id and names stay recognisable. Whatever
     * the name holds ({@code ..}, slashes, quotes, Cyrillic), the id is a valid folder name.
     *
     * @throws IllegalArgumentException when the checksum is not a lower-case hex SHA-256
     */
    public static String documentId(String fileName, String sha256) {
        return requireValid(slug(stripExtension(fileName)) + "-" + checksumPrefix(sha256));
    }

    /**
     * The checksum prefix that ends a document id made by {@link #documentId}.
     *
     * @throws IllegalArgumentException when the checksum is not a lower-case hex SHA-256
     */
    public static String checksumPrefix(String sha256) {
        if (!Fixity.isSha256(sha256)) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return sha256.substring(0, CHECKSUM_PREFIX);
    }

    public static String block(int page, int block) {
        return "p" + page + "_b" + block;
    }

    public static String line(int page, int line) {
        return "p" + page + "_l" + line;
    }

    public static String word(int page, int word) {
        return "p" + page + "_w" + word;
    }

    /** ASCII, lower case, words joined by '-': Cyrillic and accents are transliterated or dropped. */
    public static String slug(String name) {
        String latin = Transliteration.cyrillicToLatin(name);
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() || !Character.isLetter(slug.charAt(0)) ? "doc-" + slug : slug;
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
