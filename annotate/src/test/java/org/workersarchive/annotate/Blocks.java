package org.workersarchive.annotate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.Line;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/** Blocks and one-page documents of text, a line per string, words with made-up but sound boxes. */
final class Blocks {

    private Blocks() {
    }

    static Block of(String... lines) {
        List<Line> modelLines = new ArrayList<>();
        int wordNumber = 0;
        for (int l = 0; l < lines.length; l++) {
            List<Word> words = new ArrayList<>();
            int x = 0;
            for (String text : lines[l].split(" ")) {
                words.add(new Word("p1_w" + ++wordNumber, text, new BoundingBox(x, l * 50, 10, 40), 90));
                x += 20;
            }
            modelLines.add(new Line("p1_l" + (l + 1), BoundingBox.enclosing(words.stream().map(Word::box).toList()), words));
        }
        return new Block("p1_b1", BoundingBox.enclosing(modelLines.stream().map(Line::box).toList()), modelLines);
    }

    /** A document of one page in the given language (a Tesseract model name, or none). */
    static Document document(List<String> languages, String... lines) {
        Page page = Page.unread(1, new PageImage(Path.of("p.png"), 5000, 5000, 300))
                .withText(TextOrigin.OCR, languages.stream().map(Language::ofModel).toList(), List.of(of(lines)));
        SourceFile source = new SourceFile(Path.of("x.png"), "x.png", "0".repeat(64), "image/png", 1, 1, Map.of());
        return Document.ofPages("doc", source, List.of(page),
                new ProcessingStep("ingest", "test", "1", Map.of(), Duration.ZERO));
    }
}
