package org.workersarchive.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLStreamException;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Line;
import org.workersarchive.core.NameBounds;
import org.workersarchive.core.Page;
import org.workersarchive.core.PagePreparation;
import org.workersarchive.core.Word;

/**
 * The facsimile and the text of one document. Zones carry the ids of the model's blocks and lines
 * with a "zone-" prefix; the text points at them with @facs. Entities are wrapped around the words
 * they cover: the model guarantees they lie within one block, so the elements always nest.
 */
final class TeiBodyWriter {

    private final TeiXml xml;
    private final Document document;
    private final TeiConfig config;
    private final String documentLanguage;
    private final Map<String, Annotation> startingAt = new HashMap<>();
    /** Each word's text as written, for the bounds of the names that end in it. */
    private final Map<String, String> textOf = new HashMap<>();
    /** An entity's @ref by its key in the authority list. */
    private final UnaryOperator<String> refOf;
    /** The last word of the entity element that is open, or null. */
    private String openEntityUntil;
    /** Where the open entity's name ends in its last word. */
    private int openEntityEnd;

    /**
     * @param documentLanguage the root's xml:lang; a page whose main language differs says its own
     */
    TeiBodyWriter(TeiXml xml, Document document, TeiConfig config, String documentLanguage,
                  UnaryOperator<String> refOf) {
        this.xml = xml;
        this.refOf = refOf;
        this.documentLanguage = documentLanguage;
        this.document = document;
        this.config = config;
        for (Annotation annotation : document.annotations()) {
            startingAt.putIfAbsent(annotation.firstWordId(), annotation);
        }
        document.words().forEach(word -> textOf.put(word.id(), XmlText.clean(word.text())));
    }

    void writeFacsimile() throws XMLStreamException {
        xml.open("facsimile");
        for (Page page : document.pages()) {
            String width = String.valueOf(page.image().width());
            String height = String.valueOf(page.image().height());
            xml.open("surface", "xml:id", surfaceId(page), "n", String.valueOf(page.number()),
                    "ulx", "0", "uly", "0", "lrx", width, "lry", height);
            xml.empty("graphic", "url", DocumentFolder.asUrl(page.image().path()),
                    "width", width + "px", "height", height + "px");
            if (page.preparation().turned()) {
                xml.leaf("desc", preparationNote(page.preparation()), "type", "preparation");
            }
            for (Block block : page.blocks()) {
                zone(block.id(), block.box(), "block", true);
                for (Line line : block.lines()) {
                    zone(line.id(), line.box(), "line", config.wordZones());
                    if (config.wordZones()) {
                        for (Word word : line.words()) {
                            zone(word.id(), word.box(), "word", false);
                        }
                        xml.close();
                    }
                }
                xml.close();
            }
            xml.close();
        }
        xml.close();
    }

    void writeText() throws XMLStreamException {
        xml.open("text").open("body").open("div", "type", "transcription");
        // The title as the heading that TEI Publisher and the TEI-C stylesheets show above the text.
        xml.leaf("head", TeiHeaderWriter.fileTitle(document));
        for (Page page : document.pages()) {
            xml.empty("pb", "n", String.valueOf(page.number()), "facs", "#" + surfaceId(page));
            String language = page.languages().isEmpty() ? null : page.languages().get(0).tag();
            String languageIfOther = language == null || language.equals(documentLanguage) ? null : language;
            for (Block block : page.blocks()) {
                xml.openInline("ab", "facs", "#zone-" + block.id(), "xml:lang", languageIfOther);
                writeLines(block.lines());
                closeEntityIfOpen();
                xml.close();
            }
        }
        xml.close().close().close();
    }

    private void writeLines(List<Line> lines) throws XMLStreamException {
        boolean firstLine = true;
        for (Line line : lines) {
            if (!firstLine) {
                xml.text("\n");
            }
            firstLine = false;
            xml.empty("lb", "facs", "#zone-" + line.id());
            boolean firstWord = true;
            for (Word word : line.words()) {
                if (!firstWord) {
                    xml.text(" ");
                }
                firstWord = false;
                writeWord(word);
            }
        }
    }

    /**
     * A word, and the entity element it starts or ends. The element holds the name only, within
     * its words ({@link NameBounds}): "l'Allemagne," is written {@code l'<placeName>Allemagne</placeName>,},
     * "d'avril 1930" {@code d'<date>avril 1930</date>}.
     */
    private void writeWord(Word word) throws XMLStreamException {
        // Cleaned here, not only when written: a word of nothing but control characters is no word.
        String text = textOf.get(word.id());
        Annotation starting = startingAt.get(word.id());
        if (starting != null && openEntityUntil == null) {
            NameBounds bounds = NameBounds.of(starting.type(), text, textOf.get(starting.lastWordId()));
            xml.text(text.substring(0, bounds.start()));
            text = text.substring(bounds.start());
            openEntity(starting);
            openEntityUntil = starting.lastWordId();
            openEntityEnd = bounds.end() - (word.id().equals(openEntityUntil) ? bounds.start() : 0);
        }
        if (word.id().equals(openEntityUntil)) {
            wordText(word, text.substring(0, openEntityEnd));
            closeEntityIfOpen();
            xml.text(text.substring(openEntityEnd));
        } else {
            wordText(word, text);
        }
    }

    /**
     * A word's text, inside {@code <unclear>} when OCR was unsure of it: its confidence becomes the
     * probability in {@code @cert}, and {@code @resp} points at the OCR application in the header,
     * so that a reader sees which words to check against the facsimile.
     */
    private void wordText(Word word, String text) throws XMLStreamException {
        if (text.isEmpty()) {
            return;
        }
        if (config.wordZones()) {
            xml.openInline("w", "facs", "#zone-" + word.id());
        }
        if (word.confidence() >= config.uncertainBelow()) {
            xml.text(text);
        } else {
            xml.openInline("unclear", "cert", String.format(Locale.ROOT, "%.2f", word.confidence() / 100),
                    "resp", "#" + TeiHeaderWriter.applicationId("ocr"));
            xml.text(text);
            xml.close();
        }
        if (config.wordZones()) {
            xml.close();
        }
    }

    /** What was done to the scan to make the page image, in words. */
    static String preparationNote(PagePreparation preparation) {
        List<String> steps = new ArrayList<>();
        if (preparation.rotationDegrees() != 0) {
            steps.add("turned " + preparation.rotationDegrees() + "° clockwise to stand upright"
                    + (preparation.orientation() == PagePreparation.OrientationSource.DOCUMENT
                    ? " (as the document's first pages were)" : ""));
        }
        if (preparation.skewDegrees() != 0) {
            steps.add(String.format(Locale.ROOT, "straightened by %+.2f° (clockwise positive)",
                    preparation.skewDegrees()));
        }
        return "The scan was " + String.join(", then ", steps) + "; zones refer to the image as shown.";
    }

    /** Entities never outlive their block (the model's invariant); this keeps the XML whole if one did. */
    private void closeEntityIfOpen() throws XMLStreamException {
        if (openEntityUntil != null) {
            xml.close();
            openEntityUntil = null;
        }
    }

    /**
     * A name the authority list knows points at its entry ({@code @ref}); one a trained model found
     * and the list does not know has no {@code @ref}, and says how sure the model was ({@code @cert},
     * its probability) and which model it was ({@code @resp}, the model's application in the header).
     */
    private void openEntity(Annotation annotation) throws XMLStreamException {
        EntityType type = annotation.type();
        String ref = annotation.key() == null ? null : refOf.apply(annotation.key());
        if (type == EntityType.DATE) {
            xml.openInline("date", "when", annotation.value());
        } else if (ref == null && TeiHeaderWriter.modelApplicationId(annotation.annotator()).isPresent()) {
            xml.openInline(type.teiElement(), "cert", String.format(Locale.ROOT, "%.2f", annotation.confidence()),
                    "resp", "#" + TeiHeaderWriter.modelApplicationId(annotation.annotator()).get());
        } else {
            xml.openInline(type.teiElement(), "ref", ref);
        }
    }

    private void zone(String id, BoundingBox box, String type, boolean leaveOpen)
            throws XMLStreamException {
        String[] attributes = {"xml:id", "zone-" + id, "type", type, "ulx", String.valueOf(box.x()),
                "uly", String.valueOf(box.y()), "lrx", String.valueOf(box.right()), "lry", String.valueOf(box.bottom())};
        if (leaveOpen) {
            xml.open("zone", attributes);
        } else {
            xml.empty("zone", attributes);
        }
    }

    private static String surfaceId(Page page) {
        return "surface-p" + page.number();
    }
}
