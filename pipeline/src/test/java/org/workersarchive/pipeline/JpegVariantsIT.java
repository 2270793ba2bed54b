package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * JPEGs as scanners, phones and other programs write them, through the real routes and the real
 * Tesseract: four channels of plain CMYK without Adobe's marker (read as inverted, an all-black page
 * with "no text"), and EXIF before JFIF (refused as damaged). Each is read as the text drawn on it.
 */
class JpegVariantsIT {

    @TempDir
    Path work;

    @Test
    void aCmykJpegWithoutAdobesMarkerAndOneWithExifBeforeJfifAreReadAsTheirText() throws Exception {
        Path box = Files.createDirectories(work.resolve("box"));
        Path archive = work.resolve("archive");
        writePlainCmykJpeg(DrawnPages.drawn(DrawnPages.FRENCH), box.resolve("cmyk-tract.jpg"));
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(DrawnPages.drawn(DrawnPages.GERMAN), "jpeg", jpeg);
        Files.write(box.resolve("phone-leaflet.jpg"), exifBeforeJfif(jpeg.toByteArray()));

        int status = ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString(),
                "--workers", "1", "--languages", "fra,deu");

        assertEquals(0, status);
        Map<String, JsonNode> byName = outcomes(archive);
        assertRead(byName.get("cmyk-tract.jpg"), "camarade");
        assertRead(byName.get("phone-leaflet.jpg"), "Arbeitergruppe");
    }

    private static void assertRead(JsonNode outcome, String word) throws Exception {
        assertEquals("ok", outcome.get("status").asText(), outcome.toString());
        assertNull(outcome.get("reason") == null || outcome.get("reason").isNull() ? null
                : outcome.get("reason").asText(), "no note such as \"no text\"");
        String text = Files.readString(Path.of(outcome.get("outputs").get("text").asText()));
        assertTrue(text.contains(word), text);
    }

    /** Plain CMYK (0 is no ink) written by the JDK's writer from a raster: no JFIF, no Adobe marker. */
    private static void writePlainCmykJpeg(BufferedImage page, Path file) throws Exception {
        Raster gray = page.getRaster();
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, page.getWidth(), page.getHeight(),
                4, null);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                cmyk.setPixel(x, y, new int[] {0, 0, 0, 255 - gray.getSample(x, y, 0)});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }
    }

    /** The JPEG with an EXIF segment (APP1: a big-endian TIFF header, an empty directory) before its JFIF one. */
    private static byte[] exifBeforeJfif(byte[] jpeg) {
        assertEquals(0xE0, jpeg[3] & 0xFF, "JFIF first");
        byte[] exif = "Exif\0\0MM\0*\0\0\0\u0008\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write(exif.length + 2);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static Map<String, JsonNode> outcomes(Path archive) throws Exception {
        Path report;
        try (Stream<Path> runs = Files.list(archive.resolve(ArchiveLayout.RUNS))) {
            report = runs.findFirst().orElseThrow().resolve("report.json");
        }
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode input : new ObjectMapper().readTree(report.toFile()).get("inputs")) {
            byName.put(Path.of(input.get("path").asText()).getFileName().toString(), input);
        }
        return byName;
    }
}
