package org.workersarchive.annotate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.XmlParsers;

/**
 * The group's people, organisations, places, publications and events, read from a TEI file
 * ({@code listPerson/person}, {@code listOrg/org}, {@code listPlace/place}, {@code listBibl/bibl},
 * {@code listEvent/event}; an event's names are its {@code label}s or {@code eventName}s).
 * Scholars edit the file, so it is read as untrusted: a DOCTYPE (and so any entity) is refused
 * ({@link XmlParsers}). Immutable once loaded; thread-safe.
 */
public final class AuthorityList {

    private static final String BUNDLED = "authority.xml";
    private static final Map<String, EntityType> ENTRY_ELEMENTS = Map.of(
            "person", EntityType.PERSON, "org", EntityType.ORGANISATION,
            "place", EntityType.PLACE, "bibl", EntityType.PUBLICATION, "event", EntityType.EVENT);
    private static final List<String> NAME_ELEMENTS = List.of("persName", "orgName", "placeName", "title",
            "eventName", "label");

    private final Map<String, AuthorityEntry> entries;
    private final byte[] source;

    private AuthorityList(Map<String, AuthorityEntry> entries, byte[] source) {
        this.entries = entries;
        this.source = source;
    }

    /**
     * Reads a TEI authority list.
     *
     * @throws IllegalArgumentException naming the file and line of what is wrong, or that it has a
     *                                  DOCTYPE ({@link XmlParsers#DOCTYPE_REFUSED})
     */
    public static AuthorityList load(Path teiFile) {
        try {
            return parse(Files.readAllBytes(teiFile), teiFile.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the authority list " + teiFile + ": " + e.getMessage(), e);
        }
    }

    /** The list shipped with the pipeline. */
    public static AuthorityList bundled() {
        try (InputStream in = AuthorityList.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled authority list is missing from the class path");
            }
            return parse(in.readAllBytes(), "the bundled authority list");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<AuthorityEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<AuthorityEntry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Writes the list's TEI file, byte for byte as it was read, to {@code target}. */
    public void copyTo(Path target) throws IOException {
        Files.write(target, source);
    }

    private static AuthorityList parse(byte[] bytes, String name) {
        Map<String, AuthorityEntry> entries = new LinkedHashMap<>();
        XMLStreamReader xml = null;
        try {
            xml = XmlParsers.streamReader(new java.io.ByteArrayInputStream(bytes));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && ENTRY_ELEMENTS.containsKey(xml.getLocalName())) {
                    AuthorityEntry entry = readEntry(xml, name);
                    if (entries.putIfAbsent(entry.key(), entry) != null) {
                        throw new IllegalArgumentException(name + ", line " + xml.getLocation().getLineNumber()
                                + ": the key '" + entry.key() + "' is used twice");
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(name + " cannot be read as XML: " + e.getMessage(), e);
        } finally {
            close(xml);
        }
        return new AuthorityList(Map.copyOf(entries), bytes);
    }

    private static AuthorityEntry readEntry(XMLStreamReader xml, String source) throws XMLStreamException {
        String element = xml.getLocalName();
        int line = xml.getLocation().getLineNumber();
        String key = xml.getAttributeValue("http://www.w3.org/XML/1998/namespace", "id");
        if (key == null) {
            throw new IllegalArgumentException(source + ", line " + line + ": <" + element + "> has no xml:id");
        }
        List<String> names = new ArrayList<>();
        String preferred = null;
        String wikidata = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String child = xml.getLocalName();
                boolean isPreferred = "preferred".equals(xml.getAttributeValue(null, "type"));
                boolean isWikidata = child.equals("idno") && "wikidata".equals(xml.getAttributeValue(null, "type"));
                if (NAME_ELEMENTS.contains(child) || isWikidata) {
                    String text = xml.getElementText().strip().replaceAll("\\s+", " ");
                    depth--;
                    if (isWikidata) {
                        wikidata = text;
                    } else if (!text.isEmpty()) {
                        names.add(text);
                        preferred = preferred == null || isPreferred ? text : preferred;
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        try {
            return new AuthorityEntry(key, ENTRY_ELEMENTS.get(element), preferred == null ? key : preferred, names, wikidata);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ", line " + line + ": " + e.getMessage(), e);
        }
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // Closing a reader over a byte array frees nothing that could fail.
            }
        }
    }
}
