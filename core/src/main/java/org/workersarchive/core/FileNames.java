package org.workersarchive.core;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Paths made from names that come from outside: a scan's file name, a sidecar's {@code files}
 * entry. A name is used only when it names a file directly in its folder, so that no input can
 * reach outside the folder it is meant for ({@code ../../etc/passwd}, {@code /etc/passwd}). Leading
 * dashes, quotes, spaces and any script are fine: names never pass through a shell.
 */
public final class FileNames {

    /** The longest file name Linux file systems take, in bytes. */
    static final int MAX_BYTES = 255;

    private FileNames() {
    }

    /**
     * Whether the name names a file directly in a folder: not empty, not {@code .} or {@code ..},
     * no {@code /} or {@code \}, no control character (a line break would forge lines in the
     * reason files and logs that quote it), at most {@value #MAX_BYTES} bytes in UTF-8.
     */
    public static boolean isPlain(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
    }

    /**
     * The file of that name in the folder.
     *
     * @throws IllegalArgumentException quoting the name when it is not {@linkplain #isPlain plain}
     */
    public static Path resolveIn(Path folder, String name) {
        if (!isPlain(name)) {
            throw new IllegalArgumentException("not a plain file name: \"" + printable(name) + "\"");
        }
        return requireInside(folder, folder.resolve(name));
    }

    /**
     * A plain name made from any name, for a copy a person should still recognise: separators and
     * control characters become {@code _}, an empty name, {@code .} and {@code ..} become {@code _},
     * and a name too long is cut (at a whole character, keeping its extension when short).
     */
    public static String neutralised(String name) {
        StringBuilder plain = new StringBuilder();
        (name == null ? "" : name).codePoints().forEach(c -> plain.appendCodePoint(
                c == '/' || c == '\\' || Character.isISOControl(c) ? '_' : c));
        String result = plain.toString();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            return "_";
        }
        return shortened(result);
    }

    /**
     * The path, absolute and normalised, when it lies inside the root (or is the root).
     *
     * @throws IllegalArgumentException naming both when it does not
     */
    public static Path requireInside(Path root, Path path) {
        Path base = root.toAbsolutePath().normalize();
        Path resolved = path.toAbsolutePath().normalize();
        if (!resolved.startsWith(base)) {
            throw new IllegalArgumentException(printable(path.toString()) + " is outside " + base);
        }
        return resolved;
    }

    /**
     * The name as it can be quoted in a message, a log line or a reason file, one line that cannot
     * steer a terminal: control characters escaped ({@code \n}, {@code \r}, {@code \t}, {@code \e},
     * else a backslash, {@code u} and four hex digits), and so are the invisible marks that reverse the order text is shown in.
     * The one place names are made fit to print.
     */
    public static String printable(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder printed = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> printed.append("\\n");
                case '\r' -> printed.append("\\r");
                case '\t' -> printed.append("\\t");
                case 0x1b -> printed.append("\\e");
                default -> {
                    if (Character.isISOControl(c) || isBidiControl(c)) {
                        printed.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        printed.appendCodePoint(c);
                    }
                }
            }
        });
        return printed.toString();
    }

    /** The embeddings, overrides and isolates of bidirectional text, and the marks between them. */
    private static boolean isBidiControl(int c) {
        return c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f || c == 0x061c;
    }

    /**
     * As {@link #neutralised(String)}, at most {@code maxBytes} bytes in UTF-8: room left for what a
     * store adds to the name of a copy ({@code -2}, {@code .reason.txt}, a temporary name's
     * {@code .…partial}) within the file system's 255.
     */
    public static String neutralised(String name, int maxBytes) {
        return shortened(neutralised(name), maxBytes);
    }

    private static String shortened(String name) {
        return shortened(name, MAX_BYTES);
    }

    private static String shortened(String name, int maxBytes) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int budget = maxBytes - extension.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int c = stem.codePointAt(i);
            int bytes = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            kept.appendCodePoint(c);
            used += bytes;
            i += Character.charCount(c);
        }
        return kept + extension;
    }
}
