package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Block;
import org.workersarchive.core.Document;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.Word;
import org.workersarchive.core.XmlParsers;

/** Corrected pages read back: as Transkribus exports them, as this pipeline writes them, and hostile. */
class CorrectedPageReaderTest {

    private static final PageImage IMAGE = new PageImage(Path.of("p0001.png"), 1000, 1400, 300);

    @TempDir
    Path dir;

    @Test
    void aTranskribusExportInThe2013NamespaceWithCorrectedLineTexts() throws Exception {
        Path file = Path.of("src/test/resources/corrected/transkribus-2013.xml");
        CorrectedPage page = new CorrectedPageReader().read(file);
        assertEquals(FormatSchemas.Format.PAGE, page.format());
        assertEquals("p0001.png", page.imageName());
        assertEquals(List.of("r1", "r2"), page.regions().stream().map(CorrectedPage.Region::id).toList(),
                "in the reading order, not the file's");

        List<Block> blocks = page.blocks(1, IMAGE, "p1_", Map.of());
        assertEquals("Genosse Mjasnikow\nund die KAPD", blocks.get(0).text(), "the lines' own texts win");
        assertEquals("zweiter Absatz", blocks.get(1).text(), "a line with no words: its text, sharing its box");
        assertEquals(List.of("p1_b1", "p1_l1", "p1_w1"), List.of(blocks.get(0).id(), blocks.get(0).lines().get(0).id(),
                blocks.get(0).lines().get(0).words().get(0).id()), "the tool's ids give way to the model's");
        Word genosse = blocks.get(0).lines().get(0).words().get(0);
        Word corrected = blocks.get(0).lines().get(0).words().get(1);
        assertEquals(91.0, genosse.confidence(), 0.001, "unchanged: the tool's confidence");
        assertEquals(List.of(170, 130), List.of(corrected.box().x(), corrected.box().width()), "at the old word's box");
        assertEquals(CorrectedPage.CHECKED, corrected.confidence(), "a word a person wrote counts as checked");
        assertEquals(List.of(0, 1000), List.of(blocks.get(0).lines().get(1).box().x(),
                blocks.get(0).lines().get(1).box().right()), "a polygon over the image's edge is cut to it");
        assertEquals(3, blocks.get(0).lines().get(1).words().size());
    }

    @Test
    void wordsEditedUnderAnUnchangedLineTextWin() throws Exception {
        Path file = Path.of("src/test/resources/corrected/transkribus-2013.xml");
        CorrectedPage page = new CorrectedPageReader().read(file);
        List<Block> blocks = page.blocks(1, IMAGE, "p1_", Map.of("tl_1", "Genosse Mjasnikow"));
        assertEquals("Genosse Miasnikow", blocks.get(0).lines().get(0).text(),
                "the line's text is as the archive had it; its words were edited");
    }

    @Test
    void aDocumentFolderReadsBackAsItWasWrittenHyphenationIncluded() throws Exception {
        ArchiveWriter writer = new ArchiveWriter(new ArchiveLayout(dir.resolve("archive")), TeiConfig.defaults(),
                TeiWriterTest.authority(dir));
        Document written = TeiWriterTest.sampleDocument(dir.resolve("staging"));
        Path folder = writer.write(written, "run-1").folder();
        Document read = new ArchivedDocumentReader().read(folder);
        assertEquals(written.id(), read.id());
        assertEquals(written.description().title(), read.description().title());
        assertEquals(written.pages().get(0).blocks().toString().replace("ex\u0001clu", "exclu"),
                read.pages().get(0).blocks().toString(),
                "blocks, lines, words, ids, boxes and confidences; the broken word with its hyphen");
        assertEquals(DocumentFolder.pageImage(1, ".png"), read.pages().get(0).image().path());
        assertEquals(written.provenance().stream().map(s -> s.stage()).toList(),
                read.provenance().stream().map(s -> s.stage()).toList());

        CorrectedPage page = new CorrectedPageReader().read(new DocumentFolder(folder).pageXml(1));
        assertEquals(List.of(written.id(), "1"), List.of(page.documentId(), String.valueOf(page.pageNumber())),
                "the PAGE file names its document and page");
    }

    @Test
    void aDoctypeIsRefusedAndNothingElseIsRead() throws Exception {
        Path hostile = Files.writeString(dir.resolve("evil.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE PcGts [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page>&secret;</Page></PcGts>
                """);
        Exception refused = assertThrows(java.io.IOException.class, () -> new CorrectedPageReader().read(hostile));
        assertTrue(refused.getMessage().contains(XmlParsers.DOCTYPE_REFUSED), refused.getMessage());
        Path notPage = Files.writeString(dir.resolve("tei.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>");
        assertTrue(assertThrows(java.io.IOException.class, () -> new CorrectedPageReader().read(notPage)).getMessage()
                .contains("neither PAGE XML nor ALTO"));
    }

    /**
     * A coordinate that is no number, or far outside the page, is refused naming the element and the
     * coordinate: cut to the page, it made a block of the whole page ("ok, 1 word changed").
     */
    @Test
    void coordinatesOutsideThePageOrNotNumbersAreRefusedNamingTheElement() throws Exception {
        Path file = Path.of("src/test/resources/corrected/transkribus-2013.xml");
        String page = Files.readString(file);
        String region = "<Coords points=\"100,50 950,50 950,200 100,200\"/>";
        assertTrue(page.contains(region));
        for (Map.Entry<String, String> bad : Map.of(
                "-500,50 950,50 950,200 100,200", "TextRegion r1: x -500 is outside the page",
                "100,50 2147483647,50 950,200 100,200", "TextRegion r1: x 2147483647 is outside the page",
                "100,50 950,NaN 950,200 100,200", "TextRegion r1: y 'NaN' is not a number",
                "100,50 950,50 950,2e400 100,200", "TextRegion r1: y '2e400' is not a number",
                "100,50 950,50 nine,200 100,200", "TextRegion r1: x 'nine' is not a number").entrySet()) {
            Path edited = Files.writeString(dir.resolve("edited.xml"),
                    page.replace(region, "<Coords points=\"" + bad.getKey() + "\"/>"));
            Exception refused = assertThrows(java.io.IOException.class, () -> new CorrectedPageReader().read(edited));
            assertEquals(edited + ": " + bad.getValue(), refused.getMessage());
        }

        Path wide = Files.writeString(dir.resolve("wide.xml"), page.replace(region,
                "<Coords points=\"100,50 5000,50 5000,200 100,200\"/>"));
        CorrectedPage read = new CorrectedPageReader().read(wide);
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> read.blocks(1, IMAGE, "p1_", Map.of()));
        assertEquals(wide + ": TextRegion r1: x 5000 is outside the page (1000 x 1400 pixels)", outside.getMessage());

        Path alto = Files.writeString(dir.resolve("alto.xml"), """
                <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page WIDTH="1000" HEIGHT="1400">
                <PrintSpace><TextBlock ID="b1" HPOS="-500" VPOS="10" WIDTH="100" HEIGHT="30">
                <TextLine ID="l1" HPOS="10" VPOS="10" WIDTH="100" HEIGHT="30">
                <String ID="w1" CONTENT="Genosse" HPOS="10" VPOS="10" WIDTH="100" HEIGHT="30"/>
                </TextLine></TextBlock></PrintSpace></Page></Layout></alto>""");
        assertEquals(alto + ": TextBlock b1: HPOS -500 is outside the page",
                assertThrows(java.io.IOException.class, () -> new CorrectedPageReader().read(alto)).getMessage());
    }

    @Test
    void theSchemasRefuseWhatTheyShould() throws Exception {
        FormatSchemas official = FormatSchemas.from(FormatChecks.officialSchemas());
        Path manifest = Files.writeString(dir.resolve("manifest.json"), """
                {"@context": "http://iiif.io/api/presentation/3/context.json", "id": "file:///not-http",
                 "type": "Manifest", "label": {"none": ["x"]}}
                """);
        assertFalse(official.validate(FormatSchemas.Format.IIIF, manifest).isEmpty(), "no items, an id not http");
        Path page = Files.writeString(dir.resolve("page.xml"), """
                <PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page/></PcGts>
                """);
        assertFalse(official.validate(FormatSchemas.Format.PAGE, page).isEmpty(), "no Metadata, a Page without a size");
        assertEquals(FormatSchemas.Format.PAGE, FormatSchemas.formatOf(page).orElseThrow());
        assertTrue(FormatSchemas.isPageOrAlto(Path.of("src/test/resources/corrected/transkribus-2013.xml")));
    }
}
