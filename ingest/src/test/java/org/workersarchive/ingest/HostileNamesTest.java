package org.workersarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Document;
import org.workersarchive.core.Ids;
import org.workersarchive.core.Language;
import org.workersarchive.core.RejectedInputException;

/**
 * Names and sidecar fields that try to reach outside the folder: a scan's file name, a sidecar's
 * {@code files} entries, its {@code languages}, its title and issue. None may name a file outside
 * the inbox folder or the archive.
 */
class HostileNamesTest {

    @TempDir
    Path dir;

    private final Ingestor ingestor = new Ingestor(IngestConfig.defaults());

    @Test
    void aSidecarListingFilesOutsideItsFolderIsRefusedAndThoseFilesNeverRead() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path outside = image(dir, "outside.png");
        Path inside = image(inbox, "scan 3.png");
        String sidecar = """
                {"title": "Leaflet", "files": ["scan 3.png", "%s"]}""";
        for (String hostile : List.of("../outside.png", outside.toString(), "..", "sub/x.png", ".hidden.png",
                "..\\\\outside.png", "a\\u0000b.png", "line\\nbreak.png")) {
            Path listing = Files.writeString(inbox.resolve("leaflet.json"), sidecar.formatted(hostile));

            ScanSet set = ScanSets.group(List.of(inside)).get(0);

            assertEquals(List.of(inside.toAbsolutePath()), set.files(), hostile);
            assertEquals(List.of(), set.missing(), "a hostile entry is not looked for: " + hostile);
            assertEquals(listing.toAbsolutePath(), set.sidecar());
            RejectedInputException refused = assertThrows(RejectedInputException.class,
                    () -> ingestor.ingest(set, identities(set), dir.resolve("pages")), hostile);
            assertTrue(refused.reason().startsWith("sidecar leaflet.json: files must be plain names of files beside "
                    + "the sidecar, not \""), refused.reason());
            assertFalse(refused.reason().contains("\n") || refused.reason().contains("\u0000"), refused.reason());
        }
        assertEquals("sidecar leaflet.json: files must be plain names of files beside the sidecar, not "
                + "\"line\\nbreak.png\"", SidecarOutcome.reason(inbox.resolve("leaflet.json")));
        assertEquals(1, ScanSets.setOf(inside).files().size(), "the inbox sees the same set");
    }

    @Test
    void aSidecarCannotNameAModelFileOutsideTessdata() throws IOException {
        for (String languages : List.of("[\"../../../tmp/evil\"]", "\"/tmp/evil\"", "[\"fra+rus\"]", "[\"fra eng\"]")) {
            Path sidecar = Files.writeString(dir.resolve("s.json"), "{\"languages\": " + languages + "}");
            String reason = SidecarOutcome.reason(sidecar);
            assertTrue(reason.startsWith("sidecar s.json: languages must be Tesseract model names (fra, rus, deu, eng), "
                    + "not \""), reason);
        }
        Path joined = Files.writeString(dir.resolve("t.yaml"), "languages: fra+rus\n");
        assertEquals(Language.listOf("fra,rus"), SidecarReader.read(joined).languages(), "the documented short form");
    }

    @Test
    void oddScanNamesAndSidecarFieldsMakeIdsAndPathsInsideTheArchive() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        List<Path> scans = new ArrayList<>();
        for (String name : List.of("--rf.png", "'quoted' \"scan\".png", "Манифест Рабочей группы.png",
                "$(reboot).png", "a..b.png", "-.png")) {
            scans.add(image(inbox, name));
        }
        Files.writeString(inbox.resolve("--rf.json"), """
                {"title": "../../../etc/passwd", "issue": "../x", "volume": "/etc", "authorityKey": "../../x",
                 "place": "..", "note": "$(reboot)"}""");
        Path pages = dir.resolve("archive/tmp/pages");

        for (ScanSet set : ScanSets.group(scans)) {
            Document document = ingestor.ingest(set, identities(set), pages.resolve(set.lead().getFileName().toString()));
            assertEquals(document.id(), Ids.requireValid(document.id()), set.name());
            Path folder = dir.resolve("archive/documents").resolve(document.id());
            assertEquals(dir.resolve("archive/documents"), folder.normalize().getParent(), document.id());
            for (var page : document.pages()) {
                assertTrue(page.image().path().normalize().startsWith(pages), page.image().path().toString());
            }
        }
        Document described = ingestor.ingest(ScanSets.setOf(scans.get(0)), identities(ScanSets.setOf(scans.get(0))),
                dir.resolve("described"));
        assertTrue(described.id().startsWith("rf-"), "the id comes from the file name, never the title: " + described.id());
        assertEquals("../../../etc/passwd", described.description().title(), "the title is text, kept as written");
        try (Stream<Path> made = Files.walk(dir.resolve("archive"))) {
            assertTrue(made.allMatch(p -> p.normalize().startsWith(dir.resolve("archive"))));
        }
    }

    @Test
    void theOriginalStoreNamesFilesByChecksumOnly() throws IOException {
        Path scan = image(dir, "scan.png");
        OriginalStore store = new OriginalStore(dir.resolve("originals"));
        for (String[] hostile : new String[][] {{"../../etc/passwd", "png"}, {"a".repeat(64), "../../x"},
                {"a".repeat(64), "png/../../x"}, {"A".repeat(64), "png"}, {"a".repeat(64), ""}}) {
            assertThrows(IllegalArgumentException.class, () -> store.store(scan, hostile[0], hostile[1]),
                    String.join(".", hostile));
        }
        assertFalse(Files.exists(dir.resolve("originals")), "nothing was written");
    }

    private List<ScanIdentity> identities(ScanSet set) {
        return ingestor.identify(set);
    }

    /** A small page, different for each name so that no two files have the same bytes. */
    private static Path image(Path folder, String name) throws IOException {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.setColor(Color.BLACK);
        g.drawString(name, 5, 50);
        g.dispose();
        Path file = folder.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file.toAbsolutePath();
    }

    /** The reason a sidecar is refused for. */
    private static final class SidecarOutcome {
        static String reason(Path sidecar) {
            return assertThrows(RejectedInputException.class, () -> SidecarReader.read(sidecar)).reason();
        }
    }
}
