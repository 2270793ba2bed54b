package org.workersarchive.review.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.ArchiveFiles;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Document;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Ids;
import org.workersarchive.core.Page;
import org.workersarchive.core.XmlParsers;

/**
 * Reads a document's entities back from its ALTO files, where the writer keeps them whole: each
 * NamedEntityTag (its id {@code ne_ID}, TYPE, DESCRIPTION as the ISO value, URI ending in the
 * authority key) and the words that point at it (TAGREFS), in reading order. The export's own
 * reader leaves entities out, as an import finds them again; a correction in the browser keeps
 * what a person decided about them instead. Neither confidence nor annotator is written to any
 * file: entities read back are certain (1) and credited to {@value #READ_BACK}. Read as untrusted
 * (XmlParsers). Thread-safe.
 */
public final class EntityReader {

    /** The annotator credited with entities read back from the archive. */
    public static final String READ_BACK = "archive";
    private static final String TAG_PREFIX = "ne_";

    /**
     * The entities of the document, in page and reading order.
     *
     * @param folder   the folder the document was read from (its ALTO files)
     * @param document the document as read from it; entities over words it lacks are left out
     */
    public List<Annotation> read(Path folder, Document document) throws IOException {
        List<Annotation> entities = new ArrayList<>();
        DocumentFolder files = new DocumentFolder(folder);
        for (Page page : document.pages()) {
            Path alto = files.alto(page.number());
            // A link out of the document's folder is not its ALTO file.
            if (ArchiveFiles.regularFileInside(folder, alto).isPresent()) {
                entities.addAll(readPage(alto, page));
            }
        }
        return entities;
    }

    private static List<Annotation> readPage(Path alto, Page page) throws IOException {
        Map<String, Tag> tags = new LinkedHashMap<>();
        Map<String, List<String>> wordsOfTag = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(alto)) {
            XMLStreamReader xml = XmlParsers.streamReader(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("NamedEntityTag")) {
                    Tag tag = Tag.of(xml);
                    tags.put(tag.id(), tag);
                } else if (xml.getLocalName().equals("String") && xml.getAttributeValue(null, "TAGREFS") != null) {
                    String word = xml.getAttributeValue(null, "ID");
                    for (String ref : xml.getAttributeValue(null, "TAGREFS").trim().split("\\s+")) {
                        wordsOfTag.computeIfAbsent(ref, k -> new ArrayList<>()).add(word);
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(alto + " cannot be read as XML: " + e.getMessage(), e);
        }
        List<String> pageWords = page.words().map(w -> w.id()).toList();
        List<Annotation> entities = new ArrayList<>();
        for (Tag tag : tags.values()) {
            List<String> words = wordsOfTag.getOrDefault(tag.id(), List.of());
            if (!words.isEmpty() && pageWords.containsAll(words) && tag.annotationId() != null) {
                entities.add(new Annotation(tag.annotationId(), tag.type(), words, tag.key(), tag.value(), 1,
                        READ_BACK));
            }
        }
        return entities;
    }

    /** A NamedEntityTag as the ALTO writer writes it. */
    private record Tag(String id, EntityType type, String key, String value) {

        static Tag of(XMLStreamReader xml) throws XMLStreamException {
            String id = xml.getAttributeValue(null, "ID");
            String type = xml.getAttributeValue(null, "TYPE");
            String uri = xml.getAttributeValue(null, "URI");
            String key = uri == null || uri.indexOf('#') < 0 ? null : uri.substring(uri.indexOf('#') + 1);
            EntityType entityType;
            try {
                entityType = EntityType.valueOf(String.valueOf(type).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new XMLStreamException("a NamedEntityTag of an unknown TYPE: " + type, xml.getLocation());
            }
            return new Tag(String.valueOf(id), entityType, key == null || key.isEmpty() ? null : key,
                    xml.getAttributeValue(null, "DESCRIPTION"));
        }

        /** The annotation's own id, or null when the tag was not written by this pipeline. */
        String annotationId() {
            if (!id.startsWith(TAG_PREFIX)) {
                return null;
            }
            String annotation = id.substring(TAG_PREFIX.length());
            try {
                return Ids.requireValid(annotation);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
