package org.workersarchive.export;

import javax.xml.stream.XMLStreamException;
import org.workersarchive.core.Document;
import org.workersarchive.core.Language;
import org.workersarchive.core.SourceDescription;

/**
 * The MODS (3.8) record of a document inside its METS: what DFG-Viewer and Kitodo read to show and
 * catalogue it, made from the same description as the TEI header. A periodical's issue is described
 * as the issue, with the periodical as its host and the volume and issue number as its part.
 * Stateless.
 */
final class ModsWriter {

    static final String MODS_NS = "http://www.loc.gov/mods/v3";

    private ModsWriter() {
    }

    /** The kind of unit, as METS divs and DFG-Viewer name them: {@code issue} or {@code monograph}. */
    static String genre(Document document) {
        return document.description().kind() == SourceDescription.Kind.PERIODICAL_ISSUE ? "issue" : "monograph";
    }

    /** Writes the {@code mods} element, in its own default namespace, where the writer stands. */
    static void write(TeiXml xml, Document document) throws XMLStreamException {
        SourceDescription source = document.description();
        xml.open("mods", "version", "3.8");
        xml.writer().writeDefaultNamespace(MODS_NS);
        xml.open("titleInfo").leaf("title", TeiHeaderWriter.fileTitle(document)).close();
        if (source.author() != null) {
            xml.open("name", "type", "personal").leaf("namePart", source.author())
                    .open("role").leaf("roleTerm", "aut", "type", "code", "authority", "marcrelator").close()
                    .close();
        }
        xml.leaf("typeOfResource", "text");
        xml.leaf("genre", genre(document));
        writeOrigin(xml, source);
        for (Language language : TeiHeaderWriter.languagesByTag(document).values()) {
            xml.open("language").leaf("languageTerm", language.tag(), "type", "code", "authority", "rfc5646")
                    .close();
        }
        int pages = document.pages().size();
        xml.open("physicalDescription").leaf("extent", pages + (pages == 1 ? " page" : " pages"))
                .leaf("digitalOrigin", "reformatted digital").close();
        if (source.note() != null) {
            xml.leaf("note", source.note());
        }
        writeHost(xml, source);
        xml.leaf("identifier", document.id(), "type", "local");
        xml.close();
    }

    private static void writeOrigin(TeiXml xml, SourceDescription source) throws XMLStreamException {
        if (source.place() == null && source.publisher() == null && source.date() == null) {
            return;
        }
        xml.open("originInfo");
        if (source.place() != null) {
            xml.open("place").leaf("placeTerm", source.place(), "type", "text").close();
        }
        if (source.publisher() != null) {
            xml.leaf("publisher", source.publisher());
        }
        if (source.date() != null) {
            xml.leaf("dateIssued", source.date(), "encoding", "iso8601", "keyDate", "yes");
        }
        xml.close();
    }

    /** For an issue: the periodical it is part of, and the volume and number it is. */
    private static void writeHost(TeiXml xml, SourceDescription source) throws XMLStreamException {
        if (source.kind() != SourceDescription.Kind.PERIODICAL_ISSUE || source.title() == null) {
            return;
        }
        xml.open("relatedItem", "type", "host").open("titleInfo").leaf("title", source.title()).close().close();
        if (source.volume() == null && source.issue() == null) {
            return;
        }
        xml.open("part");
        if (source.volume() != null) {
            xml.open("detail", "type", "volume").leaf("number", source.volume()).close();
        }
        if (source.issue() != null) {
            xml.open("detail", "type", "issue").leaf("number", source.issue()).close();
        }
        xml.close();
    }
}
