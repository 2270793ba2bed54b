package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * A PDF page whose text layer is over archive.max-text-layer-characters, through the real routes and
 * the real Tesseract: the page is read by OCR, and the report says why, with the limit, instead of
 * a bare "ok".
 */
class TextLayerLimitIT {

    private static final String LINE = "Le Groupe ouvrier et la KAPD, Berlin et Moscou, juin 1923";

    @TempDir
    Path work;

    @Test
    void aPageOverTheLimitIsReadByOcrAndTheReportSaysSoWithTheLimit() throws Exception {
        Path box = Files.createDirectories(work.resolve("box"));
        Path archive = work.resolve("archive");
        writeDensePdf(box.resolve("dense.pdf"), 20);
        Path settings = Files.writeString(work.resolve("archive.properties"), "archive.max-text-layer-characters=1000\n");

        int status = ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString(),
                "--workers", "1", "--languages", "fra", "--config", settings.toString());

        assertEquals(0, status);
        JsonNode input = report(archive).get("inputs").get(0);
        assertEquals("ok", input.get("status").asText(), input.toString());
        int characters = 20 * LINE.length();
        assertEquals("page 1: text layer of " + characters + " characters over the limit "
                + "archive.max-text-layer-characters=1000: read by OCR", input.get("reason").asText());
        Path folder;
        try (Stream<Path> folders = Files.list(archive.resolve(ArchiveLayout.DOCUMENTS))) {
            folder = folders.findFirst().orElseThrow();
        }
        JsonNode provenance = new ObjectMapper().readTree(folder.resolve(DocumentFolder.PROVENANCE).toFile());
        assertEquals("OCR", provenance.get("pages").get(0).get("textOrigin").asText());
        assertTrue(Files.readString(folder.resolve(DocumentFolder.TEXT)).contains("Berlin"), "OCR read the page");
    }

    private static JsonNode report(Path archive) throws Exception {
        try (Stream<Path> runs = Files.list(archive.resolve(ArchiveLayout.RUNS))) {
            return new ObjectMapper().readTree(runs.findFirst().orElseThrow().resolve("report.json").toFile());
        }
    }

    /** An A4 page of the line, a line each, in type Tesseract reads at 300 dpi. */
    private static void writeDensePdf(Path file, int lines) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(18);
                content.newLineAtOffset(50, PDRectangle.A4.getHeight() - 72);
                for (int i = 0; i < lines; i++) {
                    content.showText(LINE);
                    content.newLine();
                }
                content.endText();
            }
            document.save(file.toFile());
        }
    }
}
