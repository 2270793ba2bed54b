package org.workersarchive.export;

import java.util.List;
import org.workersarchive.core.XmlParsers;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What a validation against a schema found, each error as {@code line:column: message}; a fatal
 * one (the file is no well-formed XML, or it has a DOCTYPE) also stops the parse, explained.
 *
 * @param errors where the errors go, in the order they were found
 */
record SchemaErrors(List<String> errors) implements ErrorHandler {

    @Override
    public void warning(SAXParseException e) {
    }

    @Override
    public void error(SAXParseException e) {
        errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        SAXParseException explained = XmlParsers.explained(e);
        error(explained);
        throw explained;
    }
}
