package org.workersarchive.core;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The parsers every module reads XML with (StAX, DOM, SAX): they read the given document and
 * nothing else. A document with a DOCTYPE is refused outright, so no DTD is loaded, no entity is
 * declared or expanded (no external entity, no "billion laughs") and no file or URL is fetched;
 * XInclude is off and the JDK's secure processing (its entity and size limits) is on, and elements
 * may nest {@value #MAX_ELEMENT_DEPTH} deep at most. The archive's
 * XML (its TEI, the scholars' authority list) never needs a DTD, and the authority list and
 * corrected TEI files are edited by hand, so they are read as untrusted. The JDK's own parsers are
 * used whatever else is on the class path, so that these settings mean what they say. Thread-safe:
 * each call makes a new parser, which its caller owns.
 */
public final class XmlParsers {

    /** The reason every parser here gives for refusing a document with a DOCTYPE. */
    public static final String DOCTYPE_REFUSED = "a DOCTYPE is not allowed: DTDs and entity declarations are refused, "
            + "so that nothing outside the file is read";

    /**
     * TEI nests a few dozen elements deep; the limit keeps code that walks a parsed tree recursively
     * (the authority list's entries are copied so) from overflowing its stack.
     */
    public static final int MAX_ELEMENT_DEPTH = 500;

    private static final String MAX_DEPTH = "jdk.xml.maxElementDepth";
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    /** Second line of defence: should a parser still ask for an external file, the answer is no. */
    private static final EntityResolver REFUSING = (publicId, systemId) -> {
        throw new SAXException("refused to read " + systemId + ": " + DOCTYPE_REFUSED);
    };

    /** Fails on the first error instead of printing it (the DOM builder's default) and going on. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings (an unused namespace, say) do not make a document unreadable.
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw explained(e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw explained(e);
        }
    };

    private XmlParsers() {
    }

    /**
     * A namespace-aware StAX reader over the stream; its {@code next()} throws an
     * {@link XMLStreamException} with {@link #DOCTYPE_REFUSED} when the document has a DOCTYPE.
     * The stream is read, not closed; closing the reader does not close it.
     */
    public static XMLStreamReader streamReader(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(MAX_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("refused to read " + systemId + ": " + DOCTYPE_REFUSED);
        });
        return new DoctypeRefusing(factory.createXMLStreamReader(in));
    }

    /** A namespace-aware DOM builder that throws on the first error, with {@link #DOCTYPE_REFUSED} for a DOCTYPE. */
    public static DocumentBuilder documentBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute(MAX_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver(REFUSING);
            builder.setErrorHandler(STRICT);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM parser cannot be hardened", e);
        }
    }

    /**
     * A namespace-aware SAX reader that throws on the first error, with {@link #DOCTYPE_REFUSED} for
     * a DOCTYPE. A caller that sets its own error handler should pass fatal errors through
     * {@link #explained} to keep that reason.
     */
    public static XMLReader saxReader() throws SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            reader.setProperty(MAX_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
            reader.setEntityResolver(REFUSING);
            reader.setErrorHandler(STRICT);
            return reader;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be hardened", e);
        }
    }

    /**
     * The parser's error, with {@link #DOCTYPE_REFUSED} as its message when it refused a DOCTYPE
     * (the JDK's own message names a parser feature, not the reason); any other error as it is.
     */
    public static SAXParseException explained(SAXParseException e) {
        // The JDK's message is localised, but always names the feature that refused the DOCTYPE.
        if (e.getMessage() == null || !e.getMessage().contains(DISALLOW_DOCTYPE)) {
            return e;
        }
        SAXParseException explained = new SAXParseException(DOCTYPE_REFUSED, e.getPublicId(), e.getSystemId(),
                e.getLineNumber(), e.getColumnNumber());
        explained.initCause(e);
        return explained;
    }

    /** Refuses the DTD event, which the JDK's StAX reader reports (without acting on it) when DTDs are off. */
    private static final class DoctypeRefusing extends StreamReaderDelegate {

        DoctypeRefusing(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD) {
                // No location: the JDK reports where the DOCTYPE ends, and it is always at the top.
                throw new XMLStreamException(DOCTYPE_REFUSED);
            }
            return event;
        }

        /** As the JDK's, but through {@link #next()}, so that a DOCTYPE before the first tag is refused too. */
        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                    || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && isWhiteSpace()) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("expected a start or end tag", getLocation());
            }
            return event;
        }
    }
}
