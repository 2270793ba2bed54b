package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * A scanned PDF with an invisible text layer (render mode 3, as OCR tools lay their text under a
 * scan), through the real routes and the real Tesseract: on the first page the layer is of another
 * text than the image shows, on the second the same text. The first page's text is read from its
 * image; the second keeps its layer; provenance says which was kept and why.
 */
class InvisibleTextLayerIT {

    @TempDir
    Path work;

    @Test
    void anInvisibleLayerThatDoesNotMatchItsImageIsNotTrustedOneThatMatchesIsKept() throws Exception {
        Path box = Files.createDirectories(work.resolve("box"));
        Path archive = work.resolve("archive");
        Path pdf = box.resolve("old-ocr.pdf");
        try (PDDocument document = new PDDocument()) {
            addPage(document, DrawnPages.drawn(DrawnPages.FRENCH), DrawnPages.GERMAN);
            addPage(document, DrawnPages.drawn(DrawnPages.FRENCH), DrawnPages.FRENCH);
            document.save(pdf.toFile());
        }

        int status = ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString(),
                "--workers", "1", "--languages", "fra,deu");

        assertEquals(0, status);
        Path folder = documentFolder(archive);
        String[] pages = Files.readString(folder.resolve(DocumentFolder.TEXT)).split("\f");
        assertEquals(2, pages.length);
        String germanWord = "Arbeitergruppe";
        String frenchWord = "camarade";
        assertFalse(pages[0].contains(germanWord), "the mismatched layer is not the page's text: " + pages[0]);
        assertTrue(pages[0].contains(frenchWord), "the page was read from its image: " + pages[0]);
        assertTrue(pages[1].contains(frenchWord), pages[1]);
        JsonNode provenance = new ObjectMapper().readTree(folder.resolve(DocumentFolder.PROVENANCE).toFile());
        assertEquals("OCR", provenance.get("pages").get(0).get("textOrigin").asText());
        assertEquals("TEXT_LAYER", provenance.get("pages").get(1).get("textOrigin").asText());
        JsonNode check = null;
        for (JsonNode step : provenance.get("steps")) {
            if (step.toString().contains("invisible text layer")) {
                check = step;
            }
        }
        assertTrue(check != null, "a step says what was kept: " + provenance.get("steps"));
        String said = check.toString();
        assertTrue(said.contains("does not match the page image"), said);
        assertTrue(said.contains("the invisible text layer was kept: it agrees with a reading of the image"), said);
    }

    /** A page: the image, and under it, invisible, the given lines of text. */
    private static void addPage(PDDocument document, BufferedImage image, List<String> layer) throws IOException {
        PDRectangle size = new PDRectangle(image.getWidth() * 72f / 300, image.getHeight() * 72f / 300);
        PDPage page = new PDPage(size);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(LosslessFactory.createFromImage(document, image), 0, 0, size.getWidth(), size.getHeight());
            content.beginText();
            content.setRenderingMode(RenderingMode.NEITHER);
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
            content.newLineAtOffset(24, size.getHeight() - 30);
            for (String line : layer) {
                content.showText(line);
                content.newLineAtOffset(0, -19);
            }
            content.endText();
        }
    }

    private static Path documentFolder(Path archive) throws IOException {
        try (Stream<Path> folders = Files.list(archive.resolve("documents"))) {
            return folders.filter(f -> !f.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
    }
}
