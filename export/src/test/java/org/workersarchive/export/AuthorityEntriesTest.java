package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorityEntriesTest {

    @TempDir
    Path dir;

    /**
     * Documents are written by several workers at once, all from the run's one list. A DOM read
     * from two threads gave one of a thousand slips "NullPointerException … child is null" in a
     * load test, and the slip went to failed/.
     */
    @Test
    void manyWritersAtOnceCopyTheSameEntriesWhole() throws Exception {
        // Read, never copied yet: the first copies, all at once, are where a shared DOM broke.
        AuthorityEntries entries = TeiWriterTest.authority(dir);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> written = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                written.add(writers.submit(() -> copies(entries, 500)));
            }
            String expected = copies(entries, 1).repeat(500);
            for (Future<String> copy : written) {
                assertEquals(expected, copy.get());
            }
        } finally {
            writers.shutdownNow();
        }
        assertEquals("<person xml:id=\"myasnikov\" sameAs=\"authority.xml#myasnikov\"><persName type=\"preferred\">"
                + "Gavriil Ilyich Myasnikov</persName>\n    <idno type=\"wikidata\">Q1394</idno></person>",
                copies(entries, 1).strip());
    }

    private static String copies(AuthorityEntries entries, int times) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter writer = TeiXml.utf8Writer(XMLOutputFactory.newFactory(), out);
        writer.setDefaultNamespace(TeiWriter.TEI_NS);
        TeiXml xml = new TeiXml(writer);
        for (int i = 0; i < times; i++) {
            entries.writeCopy("myasnikov", "authority.xml", xml);
        }
        writer.flush();
        return out.toString(StandardCharsets.UTF_8);
    }
}
