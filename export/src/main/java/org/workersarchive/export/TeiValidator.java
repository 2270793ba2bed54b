package org.workersarchive.export;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.IncorrectSchemaException;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.Validator;
import com.thaiopensource.validate.rng.SAXSchemaReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates TEI files against a RELAX NG schema (XML syntax) with Jing. The schema is compiled
 * once (tei_all takes seconds); each validation gets its own validator, so one instance can be
 * shared by threads. Documents are parsed with DTDs and external entities refused.
 */
public final class TeiValidator {

    private final Schema schema;

    private TeiValidator(Schema schema) {
        this.schema = schema;
    }

    /** The archive's own TEI customisation: exactly what the pipeline writes, a subset of TEI P5. */
    public static final String ARCHIVE_SCHEMA = "archive-tei.rng";

    /** Compiles the schema, e.g. {@code tei_all.rng}. */
    public static TeiValidator forSchema(Path rng) {
        return compile(rng.toUri().toString(), rng.toString());
    }

    /** Compiles the archive's own customisation, shipped in this library ({@value #ARCHIVE_SCHEMA}). */
    public static TeiValidator forArchiveSchema() {
        java.net.URL schema = TeiValidator.class.getResource(ARCHIVE_SCHEMA);
        if (schema == null) {
            throw new IllegalStateException("the archive's TEI schema is missing from the class path");
        }
        return compile(schema.toString(), "the archive's TEI schema");
    }

    private static TeiValidator compile(String systemId, String name) {
        try {
            Schema schema = SAXSchemaReader.getInstance().createSchema(
                    new InputSource(systemId), new PropertyMapBuilder().toPropertyMap());
            return new TeiValidator(schema);
        } catch (IOException | SAXException | IncorrectSchemaException e) {
            throw new IllegalArgumentException("cannot load the schema " + name + ": " + e.getMessage(), e);
        }
    }

    /** Every error in the file as "line:column: message"; empty when the file is valid. */
    public List<String> validate(Path xmlFile) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collector = new Collector(errors);
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collector);
        Validator validator = schema.createValidator(properties.toPropertyMap());
        try {
            XMLReader reader = hardenedReader();
            reader.setContentHandler(validator.getContentHandler());
            reader.setDTDHandler(validator.getDTDHandler());
            reader.setErrorHandler(collector);
            reader.parse(new InputSource(xmlFile.toUri().toString()));
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add("not well-formed: " + e.getMessage());
            }
        } catch (IOException e) {
            errors.add("cannot read " + xmlFile + ": " + e.getMessage());
        }
        return errors;
    }

    private static XMLReader hardenedReader() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be hardened", e);
        }
    }

    /** Keeps every error; a fatal one also stops the parse. */
    private record Collector(List<String> errors) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            error(e);
            throw e;
        }
    }
}
