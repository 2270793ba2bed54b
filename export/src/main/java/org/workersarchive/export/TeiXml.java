package org.workersarchive.export;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small layer over StAX that indents the structure of a TEI file (and of the other XML formats
 * written here) for people who read it in an editor, but never adds whitespace inside running text (after {@link #openInline}), where it
 * would change the text. Every text and attribute value goes through {@link XmlText#clean}, so
 * nothing an input holds can make the file ill-formed. Not thread-safe: one per file.
 */
final class TeiXml {

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    /** XLink, whose attributes METS and ALTO use ({@code xlink:href}). */
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    private final XMLStreamWriter xml;
    private final Deque<Frame> open = new ArrayDeque<>();

    TeiXml(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /**
     * A StAX writer of UTF-8 onto the stream, buffered. Given a bare stream, the JDK's writer hands
     * it every byte by itself, and a file's stream makes each of them a system call: a large share of
     * the pipeline JVM's CPU went so (DEVELOPERS.md). Flush the writer when done; the stream is not
     * closed.
     */
    static XMLStreamWriter utf8Writer(XMLOutputFactory factory, OutputStream out) throws XMLStreamException {
        return factory.createXMLStreamWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                1 << 16));
    }

    /** Opens an element of the structure, on a line of its own; attributes as name, value pairs. */
    TeiXml open(String name, String... attributes) throws XMLStreamException {
        return start(name, inRunningText(), attributes);
    }

    /** Opens an element whose content is running text: nothing inside it is indented. */
    TeiXml openInline(String name, String... attributes) throws XMLStreamException {
        return start(name, true, attributes);
    }

    TeiXml close() throws XMLStreamException {
        Frame frame = open.pop();
        if (!frame.inline && frame.hasChildren) {
            newline();
        }
        xml.writeEndElement();
        return this;
    }

    /** An element holding only text, on one line. */
    TeiXml leaf(String name, String text, String... attributes) throws XMLStreamException {
        indent();
        markChild();
        xml.writeStartElement(name);
        attributes(attributes);
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
        return this;
    }

    TeiXml empty(String name, String... attributes) throws XMLStreamException {
        indent();
        markChild();
        xml.writeEmptyElement(name);
        attributes(attributes);
        return this;
    }

    TeiXml text(String text) throws XMLStreamException {
        xml.writeCharacters(XmlText.clean(text));
        return this;
    }

    XMLStreamWriter writer() {
        return xml;
    }

    private void attributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue;
            }
            String value = XmlText.clean(attributes[i + 1]);
            if (attributes[i].startsWith("xml:")) {
                xml.writeAttribute("xml", XML_NS, attributes[i].substring(4), value);
            } else if (attributes[i].startsWith("xlink:")) {
                xml.writeAttribute("xlink", XLINK_NS, attributes[i].substring(6), value);
            } else {
                xml.writeAttribute(attributes[i], value);
            }
        }
    }

    private TeiXml start(String name, boolean inline, String... attributes) throws XMLStreamException {
        indent();
        markChild();
        xml.writeStartElement(name);
        attributes(attributes);
        open.push(new Frame(inline));
        return this;
    }

    private boolean inRunningText() {
        return !open.isEmpty() && open.peek().inline;
    }

    private void indent() throws XMLStreamException {
        if (!open.isEmpty() && !inRunningText()) {
            newline();
        }
    }

    private void markChild() {
        if (!open.isEmpty()) {
            open.peek().hasChildren = true;
        }
    }

    private void newline() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(open.size()));
    }

    /** An open element: whether its content is running text, and whether it has child elements. */
    private static final class Frame {
        private final boolean inline;
        private boolean hasChildren;

        Frame(boolean inline) {
            this.inline = inline;
        }
    }
}
