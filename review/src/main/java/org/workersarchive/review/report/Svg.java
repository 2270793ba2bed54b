package org.workersarchive.review.report;

import java.util.List;
import java.util.Locale;
import org.workersarchive.review.html.Html;

/** Bar charts drawn as inline SVG: the report needs no script and no file beside it. */
final class Svg {

    private static final int BAR = 22;
    private static final int LABEL = 150;
    private static final int WIDTH = 420;

    private Svg() {
    }

    /** A bar per label, its length in proportion to the largest value, the value written beside it. */
    static void bars(Html html, String title, List<String> labels, List<Integer> values) {
        int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
        int height = BAR * labels.size() + 4;
        html.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", String.valueOf(LABEL + WIDTH + 60),
                "height", String.valueOf(height), "role", "img", "aria-label", title);
        for (int i = 0; i < labels.size(); i++) {
            int y = i * BAR + 2;
            int length = Math.round((float) WIDTH * values.get(i) / max);
            html.leaf("text", labels.get(i), "x", "0", "y", String.valueOf(y + 15), "font-size", "13");
            html.open("rect", "x", String.valueOf(LABEL), "y", String.valueOf(y + 3), "width", String.valueOf(length),
                    "height", String.valueOf(BAR - 6), "fill", "#4a78a8").close();
            html.leaf("text", String.format(Locale.ROOT, "%d", values.get(i)), "x", String.valueOf(LABEL + length + 6),
                    "y", String.valueOf(y + 15), "font-size", "13");
        }
        html.close();
    }
}
