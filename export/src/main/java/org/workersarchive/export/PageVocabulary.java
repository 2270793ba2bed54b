package org.workersarchive.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.workersarchive.core.Language;
import org.workersarchive.core.Script;
import org.workersarchive.core.XmlParsers;

/**
 * The closed lists PAGE names languages and scripts with ("French", "Cyrl - Cyrillic"), read from
 * the bundled PAGE schema itself, so that the writer never writes a value the schema refuses and
 * the two cannot drift apart. Immutable; thread-safe.
 */
final class PageVocabulary {

    private static final String XSD_NS = "http://www.w3.org/2001/XMLSchema";
    private static final Set<String> LANGUAGES = enumeration("LanguageSimpleType");
    private static final Set<String> SCRIPTS = enumeration("ScriptSimpleType");

    private PageVocabulary() {
    }

    /** PAGE's name of the language ("German" for de and de-Latf), when PAGE's list has it. */
    static Optional<String> language(Language language) {
        return language.isoCode().map(code -> Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH))
                .filter(LANGUAGES::contains);
    }

    /** PAGE's name of the script ("Latn - Latin"), when the script is known and PAGE's list has it. */
    static Optional<String> script(Script script) {
        String prefix = script.code() + " - ";
        return SCRIPTS.stream().filter(value -> value.startsWith(prefix)).findFirst();
    }

    private static Set<String> enumeration(String typeName) {
        String path = "schemas/" + FormatSchemas.Format.PAGE.schemaPath();
        try (InputStream in = PageVocabulary.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the PAGE schema is missing from the class path: " + path);
            }
            XMLStreamReader xsd = XmlParsers.streamReader(in);
            Set<String> values = new HashSet<>();
            boolean inType = false;
            while (xsd.hasNext()) {
                int event = xsd.next();
                if (event == XMLStreamConstants.START_ELEMENT && XSD_NS.equals(xsd.getNamespaceURI())) {
                    if (xsd.getLocalName().equals("simpleType")) {
                        inType = typeName.equals(xsd.getAttributeValue(null, "name"));
                    } else if (inType && xsd.getLocalName().equals("enumeration")) {
                        values.add(xsd.getAttributeValue(null, "value"));
                    }
                }
            }
            return Set.copyOf(values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PAGE schema", e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot read the PAGE schema: " + e.getMessage(), e);
        }
    }
}
