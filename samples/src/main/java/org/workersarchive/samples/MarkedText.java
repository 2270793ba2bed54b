package org.workersarchive.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample text whose entities are marked in place, {@code {Miasnikov|PERSON:myasnikov}} or
 * {@code {5 juin 1923|DATE:1923-06-05}}: the generator prints the plain text and records the marks
 * as gold entities, so that text and truth cannot drift apart.
 */
record MarkedText(String plain, List<Mark> marks) {

    private static final Pattern MARK = Pattern.compile("\\{([^{}|]+)\\|([A-Z]+):([^{}]+)}");

    /** An entity: its text as printed, its type and its key (or ISO value for a date). */
    record Mark(String surface, String type, String keyOrValue) {
    }

    static MarkedText parse(String marked) {
        StringBuilder plain = new StringBuilder();
        List<Mark> marks = new ArrayList<>();
        Matcher matcher = MARK.matcher(marked);
        int at = 0;
        while (matcher.find()) {
            plain.append(marked, at, matcher.start()).append(matcher.group(1));
            marks.add(new Mark(matcher.group(1), matcher.group(2), matcher.group(3)));
            at = matcher.end();
        }
        plain.append(marked.substring(at));
        if (plain.indexOf("{") >= 0 || plain.indexOf("}") >= 0) {
            throw new IllegalArgumentException("a mark is malformed in: " + marked);
        }
        return new MarkedText(plain.toString(), marks);
    }
}
