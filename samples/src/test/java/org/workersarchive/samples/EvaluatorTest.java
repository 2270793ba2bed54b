package org.workersarchive.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.HostileXml;
import org.workersarchive.core.HostileXml.Attack;
import org.workersarchive.core.XmlParsers;

class EvaluatorTest {

    @TempDir
    Path dir;

    @Test
    void anArchiveIsMeasuredAgainstItsTruthThroughItsTei() throws IOException {
        Path truth = Files.createDirectories(dir.resolve("truth"));
        new GroundTruth("oc.png", List.of("fra"), List.of(new GroundTruth.PageText(1, "Miasnikov à Paris\nen 1923")),
                List.of(new GroundTruth.Entity(1, "PERSON", "myasnikov", null, "Miasnikov"),
                        new GroundTruth.Entity(1, "PLACE", "paris", null, "Paris"),
                        new GroundTruth.Entity(1, "DATE", null, "1923", "1923")))
                .write(truth.resolve("oc.png.json"));
        new GroundTruth("lost.png", List.of("fra"), List.of(new GroundTruth.PageText(1, "abcd")), List.of())
                .write(truth.resolve("lost.png.json"));
        Path folder = Files.createDirectories(dir.resolve("archive/documents/oc-0123456789ab"));
        Files.writeString(folder.resolve("provenance.json"), "{\"sources\": [{\"fileName\": \"oc.png\"}]}");
        Files.writeString(folder.resolve("document.txt"), "Miasnikov a Paris\nen 1923\n");
        Files.writeString(folder.resolve("document.tei.xml"), """
                <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><title>Paris</title></teiHeader>
                <text><body><ab><persName ref="../../authority.xml#myasnikov">Miasnikov</persName> a
                <placeName ref="../../authority.xml#berlin">Paris</placeName> en <date when="1923">1923</date></ab>
                </body></text></TEI>""");

        EvaluationReport report = new Evaluator().evaluate(dir.resolve("archive"), truth);

        DocumentScore lost = report.documents().get(0);
        assertEquals("lost.png", lost.file());
        assertNull(lost.documentId());
        assertEquals(1.0, lost.cer());
        DocumentScore oc = report.documents().get(1);
        assertEquals(1 / 25.0, oc.cer(), 1e-9);
        assertEquals(1 / 5.0, oc.wer(), 1e-9);
        assertEquals(new Prf(1, 0, 0), report.entities().get(EntityType.PERSON));
        assertEquals(new Prf(0, 1, 1), report.entities().get(EntityType.PLACE));
        assertEquals(new Prf(1, 0, 0), report.entities().get(EntityType.DATE));
        assertEquals(new Prf(2, 1, 1), report.overall());
        assertEquals(5 / 29.0, report.overallCer(), 1e-9);
        assertTrue(report.format().contains("lost.png"), report.format());
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void aTeiWithADoctypeIsRefusedBeforeAnyOfItIsCounted(Attack attack) throws IOException {
        try (HostileXml hostile = HostileXml.in(dir)) {
            Path tei = hostile.file("document.tei.xml", attack, "TEI", """
                    <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><ab>
                    <persName ref="../../authority.xml#myasnikov">&attack;</persName></ab></body></text></TEI>""");

            IOException refused = assertThrows(IOException.class, () -> assertTimeoutPreemptively(
                    Duration.ofSeconds(10), () -> Evaluator.teiEntities(tei)));

            assertEquals(tei + " cannot be read as XML: " + XmlParsers.DOCTYPE_REFUSED, refused.getMessage());
            assertFalse(refused.getMessage().contains(HostileXml.SECRET));
            assertEquals(0, hostile.requests(), "no DTD was fetched");
        }
    }
}
