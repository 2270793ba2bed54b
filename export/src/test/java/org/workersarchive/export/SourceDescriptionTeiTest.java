package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Document;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceDescription.Kind;
import org.workersarchive.core.SourceDescription.Origin;

/**
 * What a sidecar says of the publication reaches the TEI header even when it gives no title, and
 * the archive's own schema types dates as tei_all does, so that {@code ./archive validate} finds
 * a day that does not exist in a TEI corrected by hand.
 */
class SourceDescriptionTeiTest {

    @TempDir
    Path dir;

    @Test
    void aSidecarsDatePlaceAndVolumeWithoutTitleOrTypeReachTheHeader() throws IOException {
        Path sidecar = Files.writeString(dir.resolve("scan.json"), "{\"date\":\"1930-03\",\"place\":\"Paris\",\"volume\":\"2\"}");
        SourceDescription noTitle = new SourceDescription(Kind.UNKNOWN, null, false, null, null, "2", null, "1930-03",
                "Paris", null, List.of(), null, Origin.SIDECAR, sidecar);
        Document document = TeiWriterTest.sampleDocument(dir.resolve("pages")).withDescription(noTitle);

        Path tei = write(document, "no-title.tei.xml");

        String xml = Files.readString(tei);
        assertTrue(xml.contains("<pubPlace>Paris</pubPlace>"), xml);
        assertTrue(xml.contains("<biblScope unit=\"volume\">2</biblScope>"), xml);
        assertTrue(xml.contains("<date when=\"1930-03\">1930-03</date>"), xml);
        assertTrue(xml.contains("<title>oc-1930.png</title>"), "the file's name stands for the missing title: " + xml);
        assertEquals(List.of(), FormatChecks.teiAll().validate(tei));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei));
    }

    @Test
    void aDayThatDoesNotExistIsInvalidAgainstTheArchiveSchemaAsAgainstTeiAll() throws IOException {
        Path tei = write(TeiWriterTest.sampleDocument(dir.resolve("pages")), "dated.tei.xml");
        String xml = Files.readString(tei);
        assertTrue(xml.contains("when=\"1930-03\""), xml);
        Path edited = Files.writeString(dir.resolve("edited.tei.xml"), xml.replace("when=\"1930-03\"", "when=\"1930-02-30\""));

        List<String> archiveErrors = TeiValidator.forArchiveSchema().validate(edited);

        assertFalse(FormatChecks.teiAll().validate(edited).isEmpty(), "tei_all refuses 1930-02-30");
        assertFalse(archiveErrors.isEmpty(), "so does the archive's schema");
        assertTrue(archiveErrors.stream().allMatch(error -> error.contains("\"when\"")), archiveErrors.toString());
    }

    private Path write(Document document, String name) throws IOException {
        Path tei = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(tei)) {
            new TeiWriter(TeiConfig.defaults()).write(document, "2026-12-06T00-00-00Z-batch", out);
        }
        return tei;
    }
}
