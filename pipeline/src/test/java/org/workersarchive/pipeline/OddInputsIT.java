package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.export.FormatChecks;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * Inputs that are sound but odd, and inputs that are no scans at all, in one batch through the
 * real routes: file names with spaces, accents, Cyrillic, quotes and a leading dash; a blank page;
 * a symbolic link; an XML file with an external entity. Each gets its outcome and the rest goes on.
 */
class OddInputsIT {

    private static final Path SCANS = Path.of("..", "samples", "bundled", "scans");

    @TempDir
    Path work;

    @Test
    void oddNamesABlankPageALinkAndAHostileXmlFileEachGetTheirOutcome() throws IOException {
        Path box = Files.createDirectories(work.resolve("box"));
        Path archive = work.resolve("archive");
        Files.copy(SCANS.resolve("kapd-flugblatt_1924-04.tif"), box.resolve("-leading dash.tif"));
        Files.copy(SCANS.resolve("put-rabochikh-k-vlasti_1923.jpg"), box.resolve("Путь рабочих к власти.jpg"));
        Files.copy(SCANS.resolve("workers-group-report_1927-06.png"), box.resolve("l'ouvrier «communiste» \"é\".png"));
        BufferedImage white = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, white.getWidth(), white.getHeight());
        g.dispose();
        ImageIO.write(white, "png", box.resolve("blank page.png").toFile());
        Files.createSymbolicLink(box.resolve("link.png"), SCANS.resolve("ouvrier-communiste_1930-03_n06-07_p01.png")
                .toAbsolutePath());
        Path secret = Files.writeString(work.resolve("secret.txt"), "SECRET-4711");
        Files.writeString(box.resolve("entity.pdf"), "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY s SYSTEM \""
                + secret.toUri() + "\">]>\n<r>&s;</r>\n", StandardCharsets.UTF_8);

        int status = ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString(),
                "--workers", "2");

        assertEquals(1, status, "two inputs failed");
        Map<String, JsonNode> byName = outcomesByFileName(archive);
        for (String name : List.of("-leading dash.tif", "Путь рабочих к власти.jpg", "l'ouvrier «communiste» \"é\".png")) {
            assertEquals("ok", byName.get(name).get("status").asText(), name);
            Path tei = Path.of(byName.get(name).get("outputs").get("tei").asText());
            assertEquals(List.of(), FormatChecks.teiAll().validate(tei));
            assertTrue(tei.getParent().getFileName().toString().matches("[a-z0-9-]+-[0-9a-f]{12}"), tei.toString());
        }
        JsonNode blank = byName.get("blank page.png");
        assertEquals("ok", blank.get("status").asText());
        assertEquals("no text", blank.get("reason").asText());
        JsonNode link = byName.get("link.png");
        assertEquals("failed", link.get("status").asText());
        assertTrue(link.get("reason").asText().startsWith("symbolic link to "), link.get("reason").asText());
        assertTrue(Files.isSymbolicLink(archive.resolve("failed/link.png")), "the link kept as a link, its target not copied");
        JsonNode xml = byName.get("entity.pdf");
        assertEquals("failed", xml.get("status").asText());
        assertTrue(xml.get("reason").asText().startsWith("unsupported type application/xml"), xml.get("reason").asText());
        try (Stream<Path> everything = Files.walk(archive)) {
            for (Path file : everything.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains("SECRET-4711"),
                        "the entity was never resolved: " + file);
            }
        }
        assertTrue(Files.isSymbolicLink(box.resolve("link.png")), "a batch's inputs are only read");
        assertEquals(4, names(archive.resolve("documents")).size());
        for (String folder : names(archive.resolve("documents"))) {
            assertTrue(Files.isRegularFile(archive.resolve("documents").resolve(folder).resolve(DocumentFolder.TEI)));
        }
    }

    @Test
    void entriesNoBatchCanTakeEachFailWithTheirReasonAndStayWhereTheyAre() throws Exception {
        Path box = Files.createDirectories(work.resolve("odd-box"));
        Path archive = work.resolve("odd-archive");
        Files.createFile(box.resolve("empty.png"));
        run("mkfifo '" + box.resolve("pipe.pdf") + "'");
        run("cp '" + SCANS.resolve("workers-group-report_1927-06.png").toAbsolutePath() + "' \"" + box
                + "/$(printf 'bad\\377\\376.png')\"");
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.copy(SCANS.resolve("workers-group-report_1927-06.png"), elsewhere.resolve("behind the link.png"));
        Files.createSymbolicLink(box.resolve("linked"), elsewhere);

        int status = ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString(),
                "--workers", "1");

        assertEquals(1, status);
        Map<String, JsonNode> byName = outcomesByFileName(archive);
        assertEquals(4, byName.size(), byName.keySet().toString());
        assertTrue(byName.get("empty.png").get("reason").asText().startsWith("empty file"), byName.toString());
        assertTrue(byName.get("pipe.pdf").get("reason").asText().contains("a named pipe (FIFO)"), byName.toString());
        assertTrue(byName.get("linked").get("reason").asText().startsWith("symbolic link to a folder"), byName.toString());
        assertTrue(byName.get("bad\uFFFD\uFFFD.png").get("reason").asText().contains("the file name is not valid UTF-8"),
                byName.toString());
        byName.values().forEach(outcome -> assertEquals("failed", outcome.get("status").asText(), outcome.toString()));
        assertTrue(Files.exists(box.resolve("pipe.pdf")) && Files.isSymbolicLink(box.resolve("linked")));
    }

    private static void run(String command) throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        assertTrue(shell.waitFor(1, java.util.concurrent.TimeUnit.MINUTES));
        assertEquals(0, shell.exitValue(), new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Map<String, JsonNode> outcomesByFileName(Path archive) throws IOException {
        Path runs = archive.resolve("runs");
        Path report;
        try (Stream<Path> folders = Files.list(runs)) {
            report = folders.findFirst().orElseThrow().resolve("report.json");
        }
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode input : new ObjectMapper().readTree(report.toFile()).get("inputs")) {
            byName.put(Path.of(input.get("path").asText()).getFileName().toString(), input);
        }
        return byName;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
