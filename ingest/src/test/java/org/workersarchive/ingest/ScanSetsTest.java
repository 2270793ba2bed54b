package org.workersarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.SourceDescription.Kind;
import org.workersarchive.core.SourceDescription.Origin;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceFile;

class ScanSetsTest {

    private static final String ISSUE = "ouvrier-communiste_1930-03_n06-07";

    @TempDir
    Path dir;

    @Test
    void pageFilesOfOneIssueMakeOneSetInPageOrder() throws IOException {
        Path p10 = image(ISSUE + "_p10.png");
        Path p2 = image(ISSUE + "_p2.png");
        Path p1 = image(ISSUE + "_p01.png");
        Path alone = image("tract.png");
        Files.writeString(dir.resolve("notes.txt"), "not a scan");

        List<ScanSet> sets = ScanSets.group(List.of(alone, p10, p2, p1));

        assertEquals(2, sets.size());
        ScanSet issue = sets.get(0);
        assertEquals(ISSUE, issue.name());
        assertEquals(List.of(p1, p2, p10), issue.files());
        assertNull(issue.sidecar());
        assertEquals(ScanSet.of(alone), sets.get(1));
        assertEquals(issue, ScanSets.setOf(p2), "the inbox finds the same set from any of its files");
    }

    @Test
    void aSidecarWithAFilesListMakesThoseFilesOneSetInItsOrder() throws IOException {
        Path back = image("scan 7.png");
        Path front = image("scan 3.png");
        Path other = image("scan 9.png");
        Path sidecar = Files.writeString(dir.resolve("kapd-leaflet.yaml"), """
                type: pamphlet
                title: An die Arbeiter aller Länder
                files: [scan 3.png, scan 7.png, scan 8.png]
                """);

        List<ScanSet> sets = ScanSets.group(List.of(back, front, other));

        assertEquals(2, sets.size());
        ScanSet leaflet = sets.stream().filter(s -> s.sidecar() != null).findFirst().orElseThrow();
        assertEquals("kapd-leaflet", leaflet.name());
        assertEquals(List.of(front, back), leaflet.files());
        assertEquals(sidecar.toAbsolutePath(), leaflet.sidecar());
        assertEquals(List.of("scan 8.png"), leaflet.missing());
        RejectedInputException missing = assertThrows(RejectedInputException.class,
                () -> ingestor().ingest(leaflet, identities(leaflet), dir.resolve("pages")));
        assertEquals("sidecar kapd-leaflet.yaml lists scan 8.png, not found beside it", missing.reason());
    }

    @Test
    void aFileNameInThePatternDescribesAnIssue() {
        SourceDescription issue = FileNameDescription.of(ISSUE + "_p01.tif").orElseThrow();
        assertEquals(Kind.PERIODICAL_ISSUE, issue.kind());
        assertEquals("Ouvrier Communiste", issue.title());
        assertEquals("ouvrier-communiste", issue.titleKey());
        assertEquals("1930-03", issue.date());
        assertEquals("6-7", issue.issue());
        assertEquals(Origin.FILE_NAME, issue.origin());
        assertEquals("1923-05-20", FileNameDescription.of("put-rabochikh_1923-05-20").orElseThrow().date());
        assertTrue(FileNameDescription.of("scan 3.png").isEmpty());
        assertTrue(FileNameDescription.of("ouvrier-communiste_1930-13_n6.png").isEmpty(), "no 13th month");
    }

    @Test
    void aThreeFileIssueIsIngestedAsOneDocumentDescribedByItsSidecarAndName() throws IOException {
        List<Path> files = List.of(image(ISSUE + "_p01.png"), image(ISSUE + "_p02.png"), image(ISSUE + "_p03.png"));
        Files.writeString(dir.resolve(ISSUE + ".json"), """
                {"title": "L'Ouvrier Communiste", "place": "Paris", "publisher": "Groupe ouvrier communiste",
                 "languages": "fra", "note": "Double issue, March–April 1930."}
                """);
        ScanSet set = ScanSets.group(files).get(0);

        Document document = DocumentInvariants.requireSound(
                ingestor().ingest(set, identities(set), dir.resolve("pages")));

        assertEquals(List.of(1, 2, 3), document.pages().stream().map(Page::number).toList());
        assertEquals(files, document.sources().stream().map(SourceFile::path).toList());
        assertEquals(files.get(1), document.sourceOf(document.pages().get(1)).path());
        assertTrue(document.id().startsWith(ISSUE.replace('_', '-') + "-"), document.id());
        SourceDescription description = document.description();
        assertEquals(Origin.SIDECAR, description.origin());
        assertEquals("L'Ouvrier Communiste", description.title(), "the sidecar's title wins over the name's");
        assertEquals("1930-03", description.date(), "what the sidecar leaves out comes from the name");
        assertEquals("6-7", description.issue());
        assertEquals(Kind.PERIODICAL_ISSUE, description.kind());
        assertEquals("Paris", description.place());
        assertEquals(Language.listOf("fra"), description.languages());
    }

    @Test
    void aBadSidecarIsRefusedWithItsNameAndTheReason() throws IOException {
        assertTrue(sidecarReason("a.json", "{\"title\": \"x\",,}").matches("sidecar a\\.json: not well-formed: .* \\(line 1\\)"));
        assertTrue(sidecarReason("b.json", "{\"titel\": \"x\"}").startsWith("sidecar b.json: unknown field \"titel\""));
        assertEquals("sidecar c.yaml: date must be written 1930, 1930-03 or 1930-03-15, not \"mars 1930\"",
                sidecarReason("c.yaml", "date: mars 1930\n"));
        assertEquals("sidecar d.yml: type must be issue or pamphlet, not \"book\"", sidecarReason("d.yml", "type: book\n"));
        assertEquals("sidecar e.json: must hold one object of fields (title, date, issue…)", sidecarReason("e.json", "[1]"));
        assertEquals("sidecar f.yaml: title must be a single value", sidecarReason("f.yaml", "title: {a: 1}\n"));
        Path huge = dir.resolve("g.json");
        Files.writeString(huge, "{\"note\": \"" + "x".repeat((int) SidecarReader.MAX_BYTES) + "\"}");
        assertEquals("sidecar g.json: larger than 64 KiB; not a sidecar",
                assertThrows(RejectedInputException.class, () -> SidecarReader.read(huge)).reason());
    }

    @Test
    void aYamlSidecarCannotBuildObjectsOrExpandAliasesWithoutBound() throws IOException {
        // A global tag asks for an object of any class: the tree reader makes none and takes the value as text.
        Path tagged = Files.writeString(dir.resolve("h.yaml"), "title: !!java.net.URL [\"http://example.org/\"]\n");
        assertEquals("sidecar h.yaml: title must be a single value",
                assertThrows(RejectedInputException.class, () -> SidecarReader.read(tagged)).reason());
        // "Billion laughs": nine levels of nine aliases would be 9^9 strings if expanded; the reader does not
        // expand them, so the sidecar is refused at once for its form, not after exhausting memory.
        StringBuilder laughs = new StringBuilder("note:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            laughs.append("  ").append(c).append(": &").append(c).append(" [")
                    .append(String.join(",", Collections.nCopies(9, "*" + (char) (c - 1)))).append("]\n");
        }
        String reason = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> sidecarReason("i.yaml", laughs.toString()));
        assertEquals("sidecar i.yaml: note must be a single value", reason);
    }

    private String sidecarReason(String name, String content) throws IOException {
        Path sidecar = Files.writeString(dir.resolve(name), content);
        return assertThrows(RejectedInputException.class, () -> SidecarReader.read(sidecar)).reason();
    }

    private Ingestor ingestor() {
        return new Ingestor(IngestConfig.defaults());
    }

    private List<ScanIdentity> identities(ScanSet set) {
        List<ScanIdentity> identities = new ArrayList<>();
        set.files().forEach(file -> identities.add(ingestor().identify(file)));
        return identities;
    }

    /** A small page, different for each name so that no two files have the same bytes. */
    private Path image(String name) throws IOException {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.setColor(Color.BLACK);
        g.drawString(name, 5, 50);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file.toAbsolutePath();
    }
}
