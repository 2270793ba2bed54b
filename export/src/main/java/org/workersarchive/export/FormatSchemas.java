package org.workersarchive.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.workersarchive.core.XmlParsers;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The official schemas of the formats the archive writes beside its TEI, and validation against
 * them: ALTO 4.4, PAGE 2019-07-15 and METS 1.12.1 (W3C XML Schema, with the XLink schema they import)
 * and the IIIF Presentation 3 JSON Schema. The project ships them ({@link #bundled()}); tests also
 * load them from the official copies ({@link #from(Path)}). Instance documents are parsed with
 * core's hardened parser: a DOCTYPE makes a file invalid, and no DTD, entity or schema named by the
 * file is ever read. Compiled schemas are kept and shared: thread-safe.
 */
public final class FormatSchemas {

    /** A format, its schema's path below the schemas folder, and how its files are recognised. */
    public enum Format {
        ALTO("alto/alto-4-4.xsd", AltoWriter.ALTO_NS),
        PAGE("page/pagecontent-2019-07-15.xsd", PageXmlWriter.PAGE_NS),
        METS("mets/mets-1-12-1.xsd", MetsWriter.METS_NS),
        IIIF("iiif/iiif_3_0.json", null);

        private final String schema;
        private final String namespace;

        Format(String schema, String namespace) {
            this.schema = schema;
            this.namespace = namespace;
        }

        /** The schema's path relative to the schemas folder, e.g. {@code alto/alto-4-4.xsd}. */
        public String schemaPath() {
            return schema;
        }
    }

    private static final String BUNDLED = "schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the schemas are: a folder, or this library's resources. */
    private final SchemaSource source;
    private final Map<Format, Object> compiled = new ConcurrentHashMap<>();

    private FormatSchemas(SchemaSource source) {
        this.source = source;
    }

    /** The schemas this library ships. */
    public static FormatSchemas bundled() {
        return new FormatSchemas(path -> {
            URL url = FormatSchemas.class.getResource(BUNDLED + path);
            if (url == null) {
                throw new IllegalStateException("the schema " + path + " is missing from the class path");
            }
            return url;
        });
    }

    /** The schemas in a folder laid out as {@code ../shared/schemas} is (alto/, page/, mets/, xlink/, iiif/). */
    public static FormatSchemas from(Path folder) {
        return new FormatSchemas(path -> {
            Path file = folder.resolve(path);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no schema " + file);
            }
            return file.toUri().toURL();
        });
    }

    /**
     * The format of a file by its content: the namespace of an XML file's root element (ALTO 4, PAGE
     * 2019, METS), or a JSON file; empty for any other (a TEI, which Jing validates, or a file that
     * cannot be read as either).
     */
    public static Optional<Format> formatOf(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            return Optional.of(Format.IIIF);
        }
        String namespace = root(file)[0];
        for (Format format : Format.values()) {
            if (format.namespace != null && format.namespace.equals(namespace)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the file is PAGE XML or ALTO of any version (by its root element: {@code PcGts},
     * {@code alto}), as Transkribus (PAGE 2013-07-15) and eScriptorium (ALTO 4, PAGE 2019) export them.
     */
    public static boolean isPageOrAlto(Path file) {
        String root = root(file)[1];
        return "PcGts".equals(root) || "alto".equals(root);
    }

    /**
     * Every error in the file as "line:column: message" (XML) or "$.path: message" (JSON); empty
     * when the file is valid.
     */
    public List<String> validate(Format format, Path file) {
        return format == Format.IIIF ? validateJson(file) : validateXml(format, file);
    }

    private List<String> validateXml(Format format, Path file) {
        List<String> errors = new ArrayList<>();
        Validator validator = xmlSchema(format).newValidator();
        SchemaErrors collector = new SchemaErrors(errors);
        validator.setErrorHandler(collector);
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new SAXSource(XmlParsers.saxReader(), new InputSource(file.toUri().toString())));
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add("not well-formed: " + e.getMessage());
            }
        } catch (IOException e) {
            errors.add("cannot read " + file + ": " + e.getMessage());
        }
        return errors;
    }

    private List<String> validateJson(Path file) {
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        List<String> errors = new ArrayList<>();
        for (Error error : jsonSchema().validate(json)) {
            errors.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return errors;
    }

    private javax.xml.validation.Schema xmlSchema(Format format) {
        return (javax.xml.validation.Schema) compiled.computeIfAbsent(format, f -> {
            try {
                SchemaFactory factory = SchemaFactory.newDefaultInstance();
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                // The schema imports XLink from beside it (../xlink/xlink.xsd): a file, or an entry of this jar.
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
                return factory.newSchema(source.locate(f.schema));
            } catch (SAXException | IOException e) {
                throw new IllegalStateException("cannot load the " + f + " schema " + f.schema + ": " + e.getMessage(), e);
            }
        });
    }

    private Schema jsonSchema() {
        return (Schema) compiled.computeIfAbsent(Format.IIIF, f -> {
            try (InputStream in = source.locate(f.schema).openStream()) {
                // The IIIF schema keeps its definitions under "types" and "classes", which JSON Schema
                // does not name: known here as holding no assertion, so that no warning is logged.
                Dialect draft7 = Dialect.builder(Dialects.getDraft7()).keyword(new NonValidationKeyword("types"))
                        .keyword(new NonValidationKeyword("classes"))
                        .keyword(new NonValidationKeyword("type:")).build(); // a stray key of the schema
                return SchemaRegistry.withDefaultDialect(draft7).getSchema(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the IIIF schema " + f.schema, e);
            }
        });
    }

    /** The root element's namespace and local name; nulls when the file is no XML. */
    private static String[] root(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = XmlParsers.streamReader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return new String[] {reader.getNamespaceURI(), reader.getLocalName()};
                }
            }
            return new String[2];
        } catch (IOException | XMLStreamException e) {
            return new String[2];
        }
    }

    /** Where a schema of the given relative path is. */
    @FunctionalInterface
    private interface SchemaSource {
        URL locate(String relativePath) throws IOException;
    }
}
