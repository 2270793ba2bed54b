package org.workersarchive.review.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes HTML as the TEI is written: element by element, every text and attribute value escaped on
 * the way out, so that no text from a scan, a file name or a person reaches the page as mark-up
 * (OCR that reads {@code <script>} shows it as text). Names of elements and attributes come from
 * the code and are checked. Not thread-safe: one per page.
 */
public final class Html {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> VOID = Set.of("br", "img", "input", "link", "meta", "hr");

    private final StringBuilder out = new StringBuilder(16_384);
    private final Deque<String> open = new ArrayDeque<>();

    public Html() {
        out.append("<!DOCTYPE html>\n");
    }

    /** Opens an element; attributes come as name, value pairs, a null value leaving the attribute out. */
    public Html open(String element, String... attributes) {
        start(element, attributes);
        open.push(element);
        return this;
    }

    /** An element with text only. */
    public Html leaf(String element, String text, String... attributes) {
        return open(element, attributes).text(text).close();
    }

    /** An element without content (img, input, br). */
    public Html empty(String element, String... attributes) {
        if (!VOID.contains(element)) {
            throw new IllegalArgumentException(element + " is not a void element");
        }
        start(element, attributes);
        return this;
    }

    public Html text(String text) {
        out.append(escape(text == null ? "" : text));
        return this;
    }

    public Html close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Closes every element still open. */
    public String finish() {
        while (!open.isEmpty()) {
            close();
        }
        return out.toString();
    }

    private void start(String element, String... attributes) {
        requireName(element);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in pairs: " + attributes.length);
        }
        out.append('<').append(element);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                requireName(attributes[i]);
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an element or attribute name: " + name);
        }
    }

    /** Text or an attribute value as HTML: the five characters that could end either escaped. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
