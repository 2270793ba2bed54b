package org.workersarchive.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.workersarchive.core.XmlParsers;

/**
 * Reads a TEI's revision history ({@code revisionDesc/change}), so that a new version made from a
 * correction keeps the history of the TEI it corrects. The TEI may have been edited by hand: read
 * as untrusted, and a change whose date is not an ISO day is kept with the day it is read.
 * Thread-safe.
 */
public final class TeiRevisionReader {

    private static final String TEI = TeiWriter.TEI_NS;

    /** The changes in the order the file lists them (most recent first, as the pipeline writes them). */
    public List<TeiRevision> read(Path tei) throws IOException {
        List<TeiRevision> changes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tei)) {
            XMLStreamReader xml = XmlParsers.streamReader(in);
            boolean inRevisions = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && TEI.equals(xml.getNamespaceURI())) {
                    if (xml.getLocalName().equals("revisionDesc")) {
                        inRevisions = true;
                    } else if (inRevisions && xml.getLocalName().equals("change")) {
                        changes.add(change(xml));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("revisionDesc")) {
                    break;
                }
            }
            return changes;
        } catch (XMLStreamException e) {
            throw new IOException(tei + " cannot be read as XML: " + e.getMessage(), e);
        }
    }

    private static TeiRevision change(XMLStreamReader xml) throws XMLStreamException {
        String when = xml.getAttributeValue(null, "when");
        String run = xml.getAttributeValue(null, "n");
        boolean correction = "correction".equals(xml.getAttributeValue(null, "type"));
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            }
        }
        return new TeiRevision(day(when), run, text.toString().strip().replaceAll("\\s+", " "), correction);
    }

    private static LocalDate day(String when) {
        try {
            return when == null ? LocalDate.now() : LocalDate.parse(when.length() > 10 ? when.substring(0, 10) : when);
        } catch (DateTimeParseException e) {
            return LocalDate.now();
        }
    }
}
