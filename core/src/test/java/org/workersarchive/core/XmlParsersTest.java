package org.workersarchive.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.workersarchive.core.HostileXml.Attack;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

class XmlParsersTest {

    private static final String CONTENT = "<r><name>&attack;</name></r>";

    @TempDir
    Path dir;

    private HostileXml hostile;

    @BeforeEach
    void startServer() throws IOException {
        hostile = HostileXml.in(dir);
    }

    @AfterEach
    void stopServer() {
        hostile.close();
    }

    @Test
    void theFixtureBitesAParserLeftAsTheJdkMakesIt() throws Exception {
        // Without hardening, the JDK's DOM parser reads the local file and fetches the remote DTD:
        // the tests below would catch a parser that did the same.
        Path local = hostile.file("local.xml", Attack.EXTERNAL_ENTITY, "r", CONTENT);
        assertEquals(HostileXml.SECRET, plainDom(local));
        Path remote = hostile.file("remote.xml", Attack.PARAMETER_ENTITY_FROM_URL, "r", CONTENT);
        assertEquals(HostileXml.SECRET, plainDom(remote));
        assertEquals(1, hostile.requests());
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void theStreamReaderRefusesEveryDoctype(Attack attack) throws IOException {
        Path file = hostile.file("a.xml", attack, "r", CONTENT);
        XMLStreamException refused = assertThrows(XMLStreamException.class, () -> within(() -> readAll(file)));
        assertEquals(XmlParsers.DOCTYPE_REFUSED, refused.getMessage());
        assertNothingRead(refused);
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void theDomBuilderRefusesEveryDoctype(Attack attack) throws IOException {
        Path file = hostile.file("a.xml", attack, "r", CONTENT);
        SAXException refused = assertThrows(SAXException.class,
                () -> within(() -> XmlParsers.documentBuilder().parse(file.toFile())));
        assertEquals(XmlParsers.DOCTYPE_REFUSED, refused.getMessage());
        assertNothingRead(refused);
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void theSaxReaderRefusesEveryDoctype(Attack attack) throws IOException {
        Path file = hostile.file("a.xml", attack, "r", CONTENT);
        StringBuilder text = new StringBuilder();
        SAXException refused = assertThrows(SAXException.class, () -> within(() -> {
            XMLReader reader = XmlParsers.saxReader();
            reader.setContentHandler(new DefaultHandler() {
                @Override
                public void characters(char[] ch, int start, int length) {
                    text.append(ch, start, length);
                }
            });
            reader.parse(new InputSource(file.toUri().toString()));
            return null;
        }));
        assertEquals(XmlParsers.DOCTYPE_REFUSED, refused.getMessage());
        assertEquals("", text.toString(), "nothing of the document reaches the handler");
        assertNothingRead(refused);
    }

    @Test
    void ordinaryXmlIsReadWithItsPredefinedEntitiesAndNamespaces() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"
                + "<p>Marx &amp; Engels &#x41E;</p></TEI>";
        XMLStreamReader stax = XmlParsers.streamReader(stream(xml));
        assertEquals(XMLStreamConstants.START_ELEMENT, stax.nextTag());
        assertEquals(TeiXPath.TEI_NS, stax.getNamespaceURI());
        stax.nextTag();
        assertEquals("Marx & Engels О", stax.getElementText());
        org.w3c.dom.Document dom = XmlParsers.documentBuilder().parse(stream(xml));
        assertEquals("Marx & Engels О", dom.getDocumentElement().getTextContent());
        assertEquals(TeiXPath.TEI_NS, dom.getDocumentElement().getNamespaceURI());
    }

    @Test
    void aDoctypeBeforeTheFirstTagIsRefusedByNextTagToo() throws Exception {
        XMLStreamReader stax = XmlParsers.streamReader(stream("<!DOCTYPE r><r/>"));
        XMLStreamException refused = assertThrows(XMLStreamException.class, stax::nextTag);
        assertEquals(XmlParsers.DOCTYPE_REFUSED, refused.getMessage());
    }

    @Test
    void elementsNestedTooDeepAreRefusedByEveryParser() throws Exception {
        int depth = XmlParsers.MAX_ELEMENT_DEPTH;
        String ok = "<a>".repeat(depth) + "</a>".repeat(depth);
        String deep = "<a>".repeat(depth + 1) + "</a>".repeat(depth + 1);
        assertEquals("", XmlParsers.documentBuilder().parse(stream(ok)).getDocumentElement().getTextContent());
        assertThrows(SAXException.class, () -> XmlParsers.documentBuilder().parse(stream(deep)));
        assertThrows(SAXException.class, () -> XmlParsers.saxReader().parse(new InputSource(stream(deep))));
        XMLStreamReader stax = XmlParsers.streamReader(stream(deep));
        assertThrows(XMLStreamException.class, () -> {
            while (stax.hasNext()) {
                stax.next();
            }
        });
    }

    @Test
    void otherErrorsKeepTheParsersOwnMessage() {
        SAXException broken = assertThrows(SAXException.class,
                () -> XmlParsers.documentBuilder().parse(stream("<r><unclosed></r>")));
        assertFalse(broken.getMessage().contains(XmlParsers.DOCTYPE_REFUSED), broken.getMessage());
        assertTrue(broken.getMessage().contains("unclosed"), broken.getMessage());
    }

    private void assertNothingRead(Exception refused) {
        assertEquals(0, hostile.requests(), "no DTD was fetched");
        for (Throwable t = refused; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(HostileXml.SECRET), "the secret never shows");
        }
    }

    private static String readAll(Path file) throws IOException, XMLStreamException {
        StringBuilder text = new StringBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = XmlParsers.streamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.CHARACTERS) {
                    text.append(xml.getText());
                }
            }
        }
        return text.toString();
    }

    private static String plainDom(Path file) throws Exception {
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(file.toFile())
                .getDocumentElement().getTextContent();
    }

    /** A billion laughs expanded would take minutes and gigabytes: each refusal must come at once. */
    private static <T> T within(org.junit.jupiter.api.function.ThrowingSupplier<T> parse) throws Throwable {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), parse);
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
