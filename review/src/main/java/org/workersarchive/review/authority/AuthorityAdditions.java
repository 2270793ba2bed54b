package org.workersarchive.review.authority;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Ids;
import org.workersarchive.core.XmlParsers;
import org.xml.sax.SAXException;

/**
 * Adds an entry to a TEI authority list: a person, organisation, place, publication or event with
 * its key, its preferred name, the spelling a document printed (when it differs) and its Wikidata
 * id, at the end of its list. The file is read as untrusted, written whole under a temporary name
 * and renamed over the old one, then read again as the annotator reads it, so that a list made
 * unreadable is never left in place. Not thread-safe: the caller holds the archive's lock.
 */
public final class AuthorityAdditions {

    private static final String TEI = "http://www.tei-c.org/ns/1.0";
    /** Each type's list, entry and name elements. */
    private static final Map<EntityType, String[]> ELEMENTS = Map.of(
            EntityType.PERSON, new String[] {"listPerson", "person", "persName"},
            EntityType.ORGANISATION, new String[] {"listOrg", "org", "orgName"},
            EntityType.PLACE, new String[] {"listPlace", "place", "placeName"},
            EntityType.PUBLICATION, new String[] {"listBibl", "bibl", "title"},
            EntityType.EVENT, new String[] {"listEvent", "event", "label"});

    /**
     * An entry to add.
     *
     * @param variant  the spelling a document printed, or null when it is the preferred name
     * @param wikidata a Wikidata id (Q…), or null
     */
    public record Entry(EntityType type, String key, String preferredName, String variant, String wikidata) {
        public Entry {
            if (!ELEMENTS.containsKey(type)) {
                throw new IllegalArgumentException("the authority list holds persons, organisations, places, "
                        + "publications and events, not " + type.name().toLowerCase(Locale.ROOT) + "s");
            }
            try {
                Ids.requireValid(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a key is a plain id (a letter, then letters, digits, -): " + key);
            }
            preferredName = preferredName == null ? "" : preferredName.strip();
            if (preferredName.isEmpty() || preferredName.length() > 300) {
                throw new IllegalArgumentException("give the entry's preferred name (at most 300 characters)");
            }
            variant = variant == null || variant.isBlank() || variant.strip().equals(preferredName) ? null
                    : variant.strip();
            wikidata = wikidata == null || wikidata.isBlank() ? null : wikidata.strip();
            if (wikidata != null && !wikidata.matches("Q\\d{1,12}")) {
                throw new IllegalArgumentException("a Wikidata id is Q and digits (Q1394), not " + wikidata);
            }
        }
    }

    /** @throws IllegalArgumentException when the key is taken, or the list cannot be read */
    public void add(Path list, Entry entry) throws IOException {
        if (AuthorityList.load(list).entry(entry.key()).isPresent()) {
            throw new IllegalArgumentException("the authority list has an entry #" + entry.key() + " already");
        }
        Document tei = parse(list);
        String[] names = ELEMENTS.get(entry.type());
        Element target = listElement(tei, names[0]);
        Element element = tei.createElementNS(TEI, names[1]);
        element.setAttributeNS(XMLConstants.XML_NS_URI, "xml:id", entry.key());
        element.appendChild(name(tei, names[2], "preferred", entry.preferredName()));
        if (entry.variant() != null) {
            element.appendChild(name(tei, names[2], "variant", entry.variant()));
        }
        if (entry.wikidata() != null) {
            element.appendChild(name(tei, "idno", "wikidata", entry.wikidata()));
        }
        target.appendChild(element);
        Path partial = list.resolveSibling("." + list.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            write(tei, partial);
            AuthorityList.load(partial);
            Files.move(partial, list, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static Element name(Document tei, String element, String type, String text) {
        Element name = tei.createElementNS(TEI, element);
        name.setAttribute("type", type);
        name.setTextContent(text);
        return name;
    }

    /** The list of that kind, made at the end of the body when the file has none. */
    private static Element listElement(Document tei, String list) {
        NodeList found = tei.getElementsByTagNameNS(TEI, list);
        if (found.getLength() > 0) {
            return (Element) found.item(0);
        }
        NodeList bodies = tei.getElementsByTagNameNS(TEI, "body");
        Node parent = bodies.getLength() > 0 ? bodies.item(0) : tei.getDocumentElement();
        return (Element) parent.appendChild(tei.createElementNS(TEI, list));
    }

    private static Document parse(Path list) throws IOException {
        try (InputStream in = Files.newInputStream(list)) {
            return XmlParsers.documentBuilder().parse(in);
        } catch (SAXException e) {
            throw new IllegalArgumentException("the authority list " + list + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void write(Document tei, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(tei), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("cannot write the authority list: " + e.getMessage(), e);
        }
    }
}
