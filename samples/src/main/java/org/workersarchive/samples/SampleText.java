package org.workersarchive.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * A sample page's text file: optional "# masthead:" and "# dateline:" lines, then a paragraph
 * per line, entities marked as {@link MarkedText} describes.
 */
record SampleText(String masthead, String dateline, List<String> paragraphs, List<MarkedText.Mark> marks) {

    static SampleText parse(String file) {
        String masthead = null;
        String dateline = null;
        List<String> paragraphs = new ArrayList<>();
        List<MarkedText.Mark> marks = new ArrayList<>();
        for (String line : file.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            boolean isMasthead = line.startsWith("# masthead:");
            boolean isDateline = line.startsWith("# dateline:");
            MarkedText text = MarkedText.parse(isMasthead || isDateline ? line.substring(11).strip() : line.strip());
            marks.addAll(text.marks());
            if (isMasthead) {
                masthead = text.plain();
            } else if (isDateline) {
                dateline = text.plain();
            } else {
                paragraphs.add(text.plain());
            }
        }
        return new SampleText(masthead, dateline, paragraphs, marks);
    }
}
