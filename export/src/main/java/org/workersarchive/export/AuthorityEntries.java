package org.workersarchive.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
 * any entity) is refused ({@link XmlParsers}). Immutable after reading; thread-safe.
 */
public final class AuthorityEntries {

    /** The entries' element names, and the list each goes in. */
    static final Map<String, String> LIST_OF_ENTRY = Map.of("person", "listPerson", "org", "listOrg",
            "place", "listPlace", "bibl", "listBibl", "event", "listEvent");

    /** No list: documents get no standOff. */
    public static final AuthorityEntries NONE = new AuthorityEntries(Map.of());

    private static final String XML_NS = XMLConstants.XML_NS_URI;

    private final Map<String, Element> byKey;

    private AuthorityEntries(Map<String, Element> byKey) {
        this.byKey = byKey;
    }

    /**
     * @throws IOException naming the file (and line) when it cannot be read, is not well-formed or
     *                     has a DOCTYPE
     */
    public static AuthorityEntries read(Path teiFile) throws IOException {
        try (InputStream in = Files.newInputStream(teiFile)) {
            Map<String, Element> byKey = new HashMap<>();
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
        return LIST_OF_ENTRY.get(byKey.get(key).getLocalName());
    }

    /**
     * Writes a copy of an entry: the same element, its xml:id kept (so that the document can be
     * read alone) and {@code sameAs} pointing at the entry in the authority list.
     */
    void writeCopy(String key, String authorityUri, TeiXml xml) throws XMLStreamException {
        Element entry = byKey.get(key);
        XMLStreamWriter writer = xml.writer();
        xml.open(entry.getLocalName(), "xml:id", key, "sameAs", authorityUri + "#" + key);
        copyAttributes(entry, writer, Set.of("id", "sameAs"));
        copyChildren(entry, writer);
        xml.close();
    }

    private static void collect(Element element, Map<String, Element> byKey) {
        String id = element.getAttributeNS(XML_NS, "id");
        if (LIST_OF_ENTRY.containsKey(element.getLocalName()) && !id.isEmpty()
                && element.getParentNode() instanceof Element parent && parent.getLocalName().startsWith("list")) {
            byKey.put(id, element);
            return;
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                collect(child, byKey);
            }
        }
    }

    private static void copyChildren(Node parent, XMLStreamWriter writer) throws XMLStreamException {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element element) {
                writer.writeStartElement(TeiWriter.TEI_NS, element.getLocalName());
                copyAttributes(element, writer, Set.of());
                copyChildren(element, writer);
                writer.writeEndElement();
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                writer.writeCharacters(XmlText.clean(child.getNodeValue()));
            }
        }
    }

    private static void copyAttributes(Element element, XMLStreamWriter writer, Set<String> except)
            throws XMLStreamException {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (except.contains(name) || "xmlns".equals(attribute.getPrefix()) || "xmlns".equals(name)) {
                continue;
            }
            // An XML 1.1 list may hold characters XML 1.0, which the TEI is, forbids.
            String value = XmlText.clean(attribute.getValue());
            if (XML_NS.equals(attribute.getNamespaceURI())) {
                writer.writeAttribute("xml", XML_NS, name, value);
            } else {
                writer.writeAttribute(name, value);
            }
        }
    }
}
