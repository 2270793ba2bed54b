package org.workersarchive.core;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;

/**
 * For tests that read XML: XPath with the {@code tei:} and {@code xml:} prefixes (or others), and a
 * namespace-aware parse. Tests parse what the pipeline wrote, but with the archive's hardened parser
 * all the same ({@link XmlParsers}), and XPath with secure processing on (no extension functions).
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
        XPath xpath = secureFactory().newXPath();
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
        return XmlParsers.documentBuilder().parse(file.toFile());
    }

    private static XPathFactory secureFactory() {
        XPathFactory factory = XPathFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (XPathFactoryConfigurationException e) {
            throw new IllegalStateException("the JDK's XPath cannot be made secure", e);
        }
        return factory;
    }
}
