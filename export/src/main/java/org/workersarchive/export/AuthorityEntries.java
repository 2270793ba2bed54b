package org.workersarchive.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.workersarchive.core.XmlParsers;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The entries of the authority list (a TEI file of person, org, place, bibl and event elements,
 * each with an xml:id), for copying the ones a document mentions into its {@code standOff}. Read
 * as TEI, not through the annotator's model: a scholar's own elements (birth dates, notes) are
 * copied as written. The list is edited by hand, so it is parsed as untrusted: a DOCTYPE (and so
 * any entity) is refused ({@link XmlParsers}). Each entry is copied out of the DOM when the list
 * is read: the JDK's DOM is not safe to read from two threads at once (its child lists share one
 * cache per document), and the workers of a run write documents at the same time; read so, one
 * slip of a thousand failed with "child is null", and copies came out with an element twice.
 * Immutable; thread-safe.
 */
public final class AuthorityEntries {

    /** The entries' element names, and the list each goes in. */
    static final Map<String, String> LIST_OF_ENTRY = Map.of("person", "listPerson", "org", "listOrg",
            "place", "listPlace", "bibl", "listBibl", "event", "listEvent");

    /** No list: documents get no standOff. */
    public static final AuthorityEntries NONE = new AuthorityEntries(Map.of());

    private static final String XML_NS = XMLConstants.XML_NS_URI;

    /** An element of an entry, as written in the list: its name, attributes and content. */
    private record EntryElement(String localName, List<EntryAttribute> attributes, List<Object> content) {
    }

    /** An attribute; {@code inXmlNamespace} for xml:lang and its kin. */
    private record EntryAttribute(String name, boolean inXmlNamespace, String value) {
    }

    private final Map<String, EntryElement> byKey;

    private AuthorityEntries(Map<String, EntryElement> byKey) {
        this.byKey = byKey;
    }

    /**
     * @throws IOException naming the file (and line) when it cannot be read, is not well-formed or
     *                     has a DOCTYPE
     */
    public static AuthorityEntries read(Path teiFile) throws IOException {
        try (InputStream in = Files.newInputStream(teiFile)) {
            Map<String, EntryElement> byKey = new HashMap<>();
            collect(XmlParsers.documentBuilder().parse(in).getDocumentElement(), byKey);
            return new AuthorityEntries(Map.copyOf(byKey));
        } catch (SAXParseException e) {
            throw new IOException("cannot read the authority list " + teiFile + ", line " + e.getLineNumber() + ": "
                    + e.getMessage(), e);
        } catch (SAXException e) {
            throw new IOException("cannot read the authority list " + teiFile + ": " + e.getMessage(), e);
        }
    }

    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    /** The list element an entry goes in (listPerson …). */
    String listOf(String key) {
        return LIST_OF_ENTRY.get(byKey.get(key).localName());
    }

    /**
     * Writes a copy of an entry: the same element, its xml:id kept (so that the document can be
     * read alone) and {@code sameAs} pointing at the entry in the authority list.
     */
    void writeCopy(String key, String authorityUri, TeiXml xml) throws XMLStreamException {
        EntryElement entry = byKey.get(key);
        XMLStreamWriter writer = xml.writer();
        xml.open(entry.localName(), "xml:id", key, "sameAs", authorityUri + "#" + key);
        for (EntryAttribute attribute : entry.attributes()) {
            if (!attribute.name().equals("id") && !attribute.name().equals("sameAs")) {
                writeAttribute(attribute, writer);
            }
        }
        writeContent(entry, writer);
        xml.close();
    }

    private static void collect(Element element, Map<String, EntryElement> byKey) {
        String id = element.getAttributeNS(XML_NS, "id");
        if (LIST_OF_ENTRY.containsKey(element.getLocalName()) && !id.isEmpty()
                && element.getParentNode() instanceof Element parent && parent.getLocalName().startsWith("list")) {
            byKey.put(id, copyOf(element));
            return;
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                collect(child, byKey);
            }
        }
    }

    /**
     * An element and what it holds, out of the DOM: elements, and text (CDATA as text; comments and
     * processing instructions left out), characters XML 1.0 forbids taken out.
     */
    private static EntryElement copyOf(Element element) {
        List<EntryAttribute> attributes = new ArrayList<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            Attr attribute = (Attr) all.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if ("xmlns".equals(attribute.getPrefix()) || "xmlns".equals(name)) {
                continue;
            }
            // An XML 1.1 list may hold characters XML 1.0, which the TEI is, forbids.
            attributes.add(new EntryAttribute(name, XML_NS.equals(attribute.getNamespaceURI()),
                    XmlText.clean(attribute.getValue())));
        }
        List<Object> content = new ArrayList<>();
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element childElement) {
                content.add(copyOf(childElement));
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                content.add(XmlText.clean(child.getNodeValue()));
            }
        }
        return new EntryElement(element.getLocalName(), List.copyOf(attributes), List.copyOf(content));
    }

    private static void writeContent(EntryElement element, XMLStreamWriter writer) throws XMLStreamException {
        for (Object part : element.content()) {
            if (part instanceof EntryElement child) {
                writer.writeStartElement(TeiWriter.TEI_NS, child.localName());
                for (EntryAttribute attribute : child.attributes()) {
                    writeAttribute(attribute, writer);
                }
                writeContent(child, writer);
                writer.writeEndElement();
            } else {
                writer.writeCharacters((String) part);
            }
        }
    }

    private static void writeAttribute(EntryAttribute attribute, XMLStreamWriter writer) throws XMLStreamException {
        if (attribute.inXmlNamespace()) {
            writer.writeAttribute("xml", XML_NS, attribute.name(), attribute.value());
        } else {
            writer.writeAttribute(attribute.name(), attribute.value());
        }
    }
}
