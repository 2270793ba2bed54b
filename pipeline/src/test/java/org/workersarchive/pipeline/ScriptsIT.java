package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.xpath.XPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.TeiXPath;
import org.workersarchive.export.FormatChecks;
import org.workersarchive.export.TeiValidator;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * Scripts, spellings and sizes of print, end to end with the real Tesseract and the default
 * settings: a leaflet in Fraktur, a page in the Russian spelling before 1918 and a page of small
 * print, drawn here, go through a batch; the TEI, the report and the provenance say how each was read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptsIT {

    @TempDir
    static Path work;

    private Path archive;
    private int exitStatus;

    @BeforeAll
    void runBatchOverThreeDrawnScans() throws IOException {
        Path box = Files.createDirectories(work.resolve("box"));
        DrawnPages.unread(1, DrawnPages.drawn(List.of(
                "Die Genossen der Arbeitergruppe wurden",
                "im Herbst verhaftet und in die Gefängnisse",
                "der politischen Polizei gebracht, weil sie",
                "die Wahrheit über die Lage der Arbeiter",
                "in den Fabriken laut und offen gesagt hatten."), DrawnPages.BLACKLETTER, 44),
                box.resolve("kapd-flugblatt_1924.png"));
        DrawnPages.unread(1, DrawnPages.drawn(List.of(
                "Въ Рабочей группѣ, основанной въ Москвѣ весною",
                "1923 года, товарищъ Мясниковъ видѣлъ послѣднее",
                "средство спасенія рабочаго дѣла. Онъ писалъ, что",
                "совѣтская бюрократія отняла у пролетаріата его",
                "побѣду и что безъ свободы слова для рабочихъ не",
                "будетъ и хлѣба. Товарищи изъ Перми читали его."), DrawnPages.SERIF, 40),
                box.resolve("pismo-iz-parizha_1924.png"));
        DrawnPages.unread(1, DrawnPages.drawn(List.of(
                "Le camarade Miasnikov fut exclu du parti en février 1922, et le Groupe ouvrier",
                "publia son manifeste à Moscou. Les ouvriers de Perm et de l'Oural lisaient ses thèses",
                "malgré la censure et la police du parti. Nous apprenons que le camarade est arrivé",
                "à Paris après un long voyage, et que les communistes de gauche ont organisé une",
                "réunion pour entendre son rapport sur la situation des ouvriers en Russie soviétique."),
                DrawnPages.SERIF, 12), box.resolve("ouvrier-communiste_1930.png"));
        archive = work.resolve("archive");
        exitStatus = ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString());
    }

    @Test
    void aLeafletInFrakturIsReadWithTheFrakturModelsAndTaggedSo() throws Exception {
        assertEquals(0, exitStatus);
        JsonNode page = pageDetails("kapd-flugblatt_1924.png");
        assertEquals("[\"frk\"]", page.get("languages").toString());
        assertEquals("Fraktur", page.get("script").asText());
        org.w3c.dom.Document tei = validTei("kapd-flugblatt-1924");
        XPath xpath = TeiXPath.xpath();
        assertEquals("de-Latf", xpath.evaluate("/tei:TEI/@xml:lang", tei));
        assertEquals("German (Fraktur)", xpath.evaluate("//tei:langUsage/tei:language[@ident='de-Latf']", tei));
        assertTrue(xpath.evaluate("//tei:text", tei).contains("Arbeitergruppe"));
    }

    @Test
    void aPageInTheOldRussianSpellingKeepsItsLettersAndItsNamesTheirReferences() throws Exception {
        assertEquals(0, exitStatus);
        assertEquals("[\"Cyrillic\"]", pageDetails("pismo-iz-parizha_1924.png").get("languages").toString());
        org.w3c.dom.Document tei = validTei("pismo-iz-parizha-1924");
        XPath xpath = TeiXPath.xpath();
        assertEquals("ru-petr1708", xpath.evaluate("/tei:TEI/@xml:lang", tei));
        assertEquals("Мясниковъ", xpath.evaluate("//tei:persName[@ref='#myasnikov']", tei));
        String workersGroup = xpath.evaluate("//tei:orgName[@ref='#workers-group']", tei);
        assertTrue(workersGroup.startsWith("Рабочей групп"),
                "the Workers' Group in the old spelling, linked, without the preposition before it: " + workersGroup);
        assertTrue(xpath.evaluate("//tei:text", tei).contains("видѣлъ"), "ѣ as printed");
    }

    @Test
    void aPageOfSmallPrintIsReadScaledUpAndItsZonesStayInTheKeptImage() throws Exception {
        assertEquals(0, exitStatus);
        Path folder = folderOf("ouvrier-communiste-1930");
        JsonNode page = new ObjectMapper().readTree(folder.resolve("provenance.json").toFile()).get("pages").get(0);
        assertTrue(page.get("preparation").get("scale").asDouble() >= 2, page.toString());
        org.w3c.dom.Document tei = validTei("ouvrier-communiste-1930");
        XPath xpath = TeiXPath.xpath();
        assertEquals(xpath.evaluate("//tei:surface/@lrx", tei), String.valueOf(page.get("width").asInt()));
        assertEquals("0", xpath.evaluate("count(//tei:zone[number(@lrx) > number(ancestor::tei:surface/@lrx)"
                + " or number(@lry) > number(ancestor::tei:surface/@lry)])", tei));
        assertTrue(xpath.evaluate("//tei:text", tei).contains("Paris"));
    }

    private JsonNode pageDetails(String fileName) throws IOException {
        try (Stream<Path> runs = Files.list(archive.resolve("runs"))) {
            Path report = runs.findFirst().orElseThrow().resolve("report.json");
            for (JsonNode input : new ObjectMapper().readTree(report.toFile()).get("inputs")) {
                if (input.get("path").asText().endsWith(fileName)) {
                    return input.get("pageDetails").get(0);
                }
            }
        }
        throw new AssertionError(fileName + " is not in the report");
    }

    private org.w3c.dom.Document validTei(String idPrefix) throws Exception {
        Path tei = folderOf(idPrefix).resolve("document.tei.xml");
        assertEquals(List.of(), FormatChecks.teiAll().validate(tei));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei));
        return TeiXPath.parse(tei);
    }

    private Path folderOf(String idPrefix) throws IOException {
        try (Stream<Path> folders = Files.list(archive.resolve("documents"))) {
            return folders.filter(folder -> folder.getFileName().toString().startsWith(idPrefix + "-"))
                    .findFirst().orElseThrow(() -> new AssertionError("no document " + idPrefix));
        }
    }
}
