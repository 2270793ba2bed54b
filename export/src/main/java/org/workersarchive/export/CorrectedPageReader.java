package org.workersarchive.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.XmlParsers;
import org.workersarchive.export.CorrectedPage.Region;
import org.workersarchive.export.CorrectedPage.TextLine;
import org.workersarchive.export.CorrectedPage.TextWord;

/**
 * Reads a page's text from a PAGE XML file (the 2019-07-15 namespace and the 2013-07-15 one that
 * Transkribus still writes) or an ALTO file (v2 to v4), as this pipeline, Transkribus or
 * eScriptorium write them: regions, lines and words with their outlines (a polygon's bounding box),
 * each line's own text where PAGE gives one, confidences, the reading order, and what the file says
 * of its document and page. ALTO's hyphenation (a HYP after a line's last String) is put back on
 * the word it broke. Files come from outside: parsed with core's hardened parser (no DOCTYPE).
 * Thread-safe.
 */
public final class CorrectedPageReader {

    /** The page part of a pcGtsId this pipeline writes: {@code DOCUMENT.p0003}. */
    private static final Pattern PCGTS_ID = Pattern.compile("(.+)\\.p(\\d{1,6})");

    /**
     * @throws IOException naming the file when it cannot be read, is not well-formed, or is neither
     *                     PAGE nor ALTO
     */
    public CorrectedPage read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = XmlParsers.streamReader(in);
            xml.nextTag();
            return switch (xml.getLocalName()) {
                case "PcGts" -> new PageParse(file).read(xml);
                case "alto" -> new AltoParse(file).read(xml);
                default -> throw new IOException(file + " is neither PAGE XML nor ALTO (its root is "
                        + xml.getLocalName() + ")");
            };
        } catch (XMLStreamException e) {
            throw new IOException(file + " cannot be read as XML: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A box from PAGE's points ("x,y x,y …"): the polygon's bounding box; a point a little before
     * the page's edge (see {@link CorrectedPage#STRAY}) is cut to 0.
     *
     * @param element what the points outline, as "TextLine tl_2", for the reason
     * @throws IllegalArgumentException naming the element and the coordinate, when one is not a
     *                                  number or lies outside the page
     */
    static BoundingBox polygonBox(String points, String element) {
        if (points == null || points.isBlank()) {
            return null;
        }
        int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = 0, bottom = 0;
        for (String point : points.strip().split("\\s+")) {
            String[] xy = point.split(",", -1);
            if (xy.length != 2) {
                throw new IllegalArgumentException(element + ": point '" + point + "' is not x,y");
            }
            int x = coordinate(xy[0], "x", element);
            int y = coordinate(xy[1], "y", element);
            left = Math.min(left, x);
            top = Math.min(top, y);
            right = Math.max(right, x);
            bottom = Math.max(bottom, y);
        }
        return BoundingBox.fromTwoPoints(left, top, right, bottom);
    }

    /**
     * A coordinate in pixels, rounded; one a little before the page's edge is cut to 0. A hostile
     * or broken file's coordinate (NaN, 2147483647, -500) is refused, not cut to the page: a block
     * cut so covers the whole page and takes words it never held.
     */
    static int coordinate(String value, String name, String element) {
        double number;
        try {
            number = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException(element + ": " + name + " '" + value + "' is not a number");
        }
        if (number < -CorrectedPage.STRAY || number > CorrectedPage.MAX_COORDINATE) {
            throw new IllegalArgumentException(element + ": " + name + " " + value.strip() + " is outside the page");
        }
        return Math.max(0, (int) Math.round(number));
    }

    /** How a reason names an element: its name and id ("TextLine tl_2"). */
    private static String named(XMLStreamReader xml, String idAttribute) {
        String id = xml.getAttributeValue(null, idAttribute);
        return xml.getLocalName() + (id == null ? " (without an id)" : " " + id);
    }

    private static Double confidence(String value, double scale) {
        return value == null || value.isBlank() ? null : Math.max(0, Math.min(100, Double.parseDouble(value) * scale));
    }

    /** One PAGE file: regions, lines and words, the line and word texts, the reading order. */
    private static final class PageParse {
        private final Path file;
        private String documentId;
        private Integer pageNumber;
        private String image;
        private final List<Region> regions = new ArrayList<>();
        private final Map<String, Integer> order = new HashMap<>();

        PageParse(Path file) {
            this.file = file;
        }

        CorrectedPage read(XMLStreamReader xml) throws XMLStreamException {
            Matcher id = PCGTS_ID.matcher(String.valueOf(xml.getAttributeValue(null, "pcGtsId")));
            if (id.matches()) {
                documentId = id.group(1);
                pageNumber = Integer.valueOf(id.group(2));
            }
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    start(xml);
                }
            }
            List<Region> ordered = new ArrayList<>(regions);
            ordered.sort((a, b) -> Integer.compare(order.getOrDefault(a.id(), Integer.MAX_VALUE),
                    order.getOrDefault(b.id(), Integer.MAX_VALUE)));
            return new CorrectedPage(file, FormatSchemas.Format.PAGE, documentId, pageNumber, image, ordered);
        }

        private void start(XMLStreamReader xml) throws XMLStreamException {
            switch (xml.getLocalName()) {
                case "MetadataItem" -> {
                    if (PageXmlWriter.DOCUMENT_ITEM.equals(xml.getAttributeValue(null, "name")) && documentId == null) {
                        documentId = xml.getAttributeValue(null, "value");
                    }
                }
                case "Page" -> image = xml.getAttributeValue(null, "imageFilename");
                case "RegionRefIndexed" -> order.put(xml.getAttributeValue(null, "regionRef"),
                        Integer.valueOf(xml.getAttributeValue(null, "index")));
                case "TextRegion" -> region(xml);
                default -> { }
            }
        }

        /** A TextRegion whole; regions nested in it are regions of their own, after it. */
        private void region(XMLStreamReader xml) throws XMLStreamException {
            String id = xml.getAttributeValue(null, "id");
            String element = named(xml, "id");
            BoundingBox box = null;
            List<TextLine> lines = new ArrayList<>();
            int index = regions.size();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("TextRegion")) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "Coords" -> box = box == null ? polygonBox(xml.getAttributeValue(null, "points"), element) : box;
                        case "TextLine" -> lines.add(line(xml));
                        case "TextRegion" -> region(xml);
                        default -> skip(xml);
                    }
                }
            }
            regions.add(index, new Region(id, box, lines));
        }

        private TextLine line(XMLStreamReader xml) throws XMLStreamException {
            String id = xml.getAttributeValue(null, "id");
            String element = named(xml, "id");
            BoundingBox box = null;
            String text = null;
            List<TextWord> words = new ArrayList<>();
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "Coords" -> {
                        box = polygonBox(xml.getAttributeValue(null, "points"), element);
                        skip(xml);
                    }
                    case "Word" -> words.add(word(xml));
                    case "TextEquiv" -> text = text == null ? textEquiv(xml)[0] : skipAndKeep(xml, text);
                    default -> skip(xml);
                }
            }
            return new TextLine(id, box, text, words);
        }

        private TextWord word(XMLStreamReader xml) throws XMLStreamException {
            String id = xml.getAttributeValue(null, "id");
            String element = named(xml, "id");
            BoundingBox box = null;
            String[] text = null;
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "Coords" -> {
                        box = polygonBox(xml.getAttributeValue(null, "points"), element);
                        skip(xml);
                    }
                    case "TextEquiv" -> {
                        if (text == null) {
                            text = textEquiv(xml);
                        } else {
                            skip(xml);
                        }
                    }
                    default -> skip(xml);
                }
            }
            return new TextWord(id, text == null ? null : text[0], box, text == null ? null : confidence(text[1], 100));
        }

        /** A TextEquiv's Unicode and conf. */
        private static String[] textEquiv(XMLStreamReader xml) throws XMLStreamException {
            String conf = xml.getAttributeValue(null, "conf");
            String unicode = null;
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("Unicode")) {
                    unicode = xml.getElementText();
                } else {
                    skip(xml);
                }
            }
            return new String[] {unicode, conf};
        }

        private static String skipAndKeep(XMLStreamReader xml, String kept) throws XMLStreamException {
            skip(xml);
            return kept;
        }
    }

    /** One ALTO file: blocks, lines and Strings, with HYP put back on the word it broke. */
    private static final class AltoParse {
        private final Path file;
        private String documentId;
        private Integer pageNumber;
        private String image;
        private final List<Region> regions = new ArrayList<>();

        AltoParse(Path file) {
            this.file = file;
        }

        CorrectedPage read(XMLStreamReader xml) throws XMLStreamException {
            List<TextLine> lines = null;
            List<TextWord> words = null;
            String[] block = null;
            String[] line = null;
            BoundingBox blockBox = null;
            BoundingBox lineBox = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "fileName" -> image = xml.getElementText().strip();
                        case "documentIdentifier" -> documentId = xml.getElementText().strip();
                        case "Page" -> pageNumber = pageNumber(xml.getAttributeValue(null, "PHYSICAL_IMG_NR"));
                        case "TextBlock" -> {
                            lines = new ArrayList<>();
                            block = new String[] {xml.getAttributeValue(null, "ID")};
                            blockBox = box(xml);
                        }
                        case "TextLine" -> {
                            words = new ArrayList<>();
                            line = new String[] {xml.getAttributeValue(null, "ID")};
                            lineBox = box(xml);
                        }
                        case "String" -> {
                            if (words != null) {
                                words.add(new TextWord(xml.getAttributeValue(null, "ID"),
                                        xml.getAttributeValue(null, "CONTENT"), box(xml),
                                        confidence(xml.getAttributeValue(null, "WC"), 100)));
                            }
                        }
                        case "HYP" -> hyphenate(words, xml.getAttributeValue(null, "CONTENT"));
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    // The records copy their lists: each is made once its lines or words are all read.
                    if (xml.getLocalName().equals("TextLine") && lines != null && line != null) {
                        lines.add(new TextLine(line[0], lineBox, null, words));
                        line = null;
                    } else if (xml.getLocalName().equals("TextBlock") && block != null) {
                        regions.add(new Region(block[0], blockBox, lines));
                        block = null;
                    }
                }
            }
            return new CorrectedPage(file, FormatSchemas.Format.ALTO, documentId, pageNumber, image, regions);
        }

        /** The hyphen back on the line's last word, where the printed page has it. */
        private static void hyphenate(List<TextWord> words, String hyphen) {
            if (words == null || words.isEmpty() || hyphen == null) {
                return;
            }
            TextWord last = words.remove(words.size() - 1);
            words.add(new TextWord(last.id(), last.text() + hyphen, last.box(), last.confidence()));
        }

        private static Integer pageNumber(String value) {
            return value == null || !value.strip().matches("\\d{1,6}") ? null : Integer.valueOf(value.strip());
        }

        private static BoundingBox box(XMLStreamReader xml) {
            String x = xml.getAttributeValue(null, "HPOS");
            String y = xml.getAttributeValue(null, "VPOS");
            String w = xml.getAttributeValue(null, "WIDTH");
            String h = xml.getAttributeValue(null, "HEIGHT");
            if (x == null || y == null || w == null || h == null) {
                return null;
            }
            String element = named(xml, "ID");
            return new BoundingBox(coordinate(x, "HPOS", element), coordinate(y, "VPOS", element),
                    coordinate(w, "WIDTH", element), coordinate(h, "HEIGHT", element));
        }
    }

    /** Skips the element the reader stands on, with all it holds. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
