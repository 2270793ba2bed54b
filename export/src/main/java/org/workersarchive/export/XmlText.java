package org.workersarchive.export;

/**
 * Text as XML 1.0 allows it: the one place where every writer of this module (TEI, ALTO, the
 * plain text, the searchable PDF's text layer, the corpus) makes text from OCR, PDF text layers
 * and PDF metadata safe to write.
 */
final class XmlText {

    /** What stands for a character that was there but cannot be written. */
    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /**
     * The text with the characters XML 1.0 forbids taken out, so that no input can make a file
     * unreadable or its writer throw. Control characters (U+0000–U+0008, U+000B, U+000C,
     * U+000E–U+001F) are dropped: OCR and broken PDF producers emit them as noise, never as a
     * letter on the page. Unpaired surrogates and the non-characters U+FFFE and U+FFFF become
     * U+FFFD: they stand for a character that was there but was mangled, and a reader of the TEI
     * should see that something was. Tab, line feed and carriage return are kept.
     */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD
                    || Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && allowed) {
                out.append(c);
            } else if (out != null && c >= 0x20) {
                out.append(REPLACEMENT); // a surrogate alone, U+FFFE or U+FFFF
            }
        }
        return out == null ? text : out.toString();
    }
}
