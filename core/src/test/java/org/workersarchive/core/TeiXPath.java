package org.workersarchive.core;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

/**
 * For tests that read XML: XPath with the {@code tei:} and {@code xml:} prefixes (or others), and a
 * namespace-aware parse.
 */
public final class TeiXPath {

    public static final String TEI_NS = "http://www.tei-c.org/ns/1.0";

    private TeiXPath() {
    }

    public static XPath xpath() {
        return xpath(Map.of("tei", TEI_NS));
    }

    /** XPath with the given prefixes, and {@code xml:}. */
    public static XPath xpath(Map<String, String> namespaces) {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return prefix.equals("xml") ? XMLConstants.XML_NS_URI
                        : namespaces.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }

    public static org.w3c.dom.Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
