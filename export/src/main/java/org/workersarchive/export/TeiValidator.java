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
import org.workersarchive.core.XmlParsers;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Validates TEI files against a RELAX NG schema (XML syntax) with Jing. The schema is compiled
 * once (tei_all takes seconds); each validation gets its own validator, so one instance can be
 * shared by threads. Documents (hand-corrected TEI among them) and schemas are parsed with core's
 * hardened parser ({@link XmlParsers}): a file with a DOCTYPE is invalid, with that reason, and no
 * DTD or entity is ever read.
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
            PropertyMapBuilder properties = new PropertyMapBuilder();
            // Jing reads the schema (and any schema it includes) with this reader, not one of its own.
            properties.put(ValidateProperty.XML_READER_CREATOR, XmlParsers::saxReader);
            Schema schema = SAXSchemaReader.getInstance().createSchema(new InputSource(systemId),
                    properties.toPropertyMap());
            return new TeiValidator(schema);
        } catch (IOException | SAXException | IncorrectSchemaException e) {
            throw new IllegalArgumentException("cannot load the schema " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every error in the file as "line:column: message"; empty when the file is valid. A file with a
     * DOCTYPE is invalid with the one error {@link XmlParsers#DOCTYPE_REFUSED}.
     */
    public List<String> validate(Path xmlFile) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collector = new SchemaErrors(errors);
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collector);
        Validator validator = schema.createValidator(properties.toPropertyMap());
        try {
            XMLReader reader = XmlParsers.saxReader();
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
}
