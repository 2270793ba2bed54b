package org.workersarchive.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./archive export} over an archive touched by hand: what it says, and its exit status. */
class ExportCommandTest {

    private static final String TEI = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
            <publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
            <text><body><pb n="1"/><p>Groupe ouvrier</p></body></text></TEI>""";

    @TempDir
    Path dir;

    private Path archive;
    private Path pages;

    @BeforeEach
    void anArchive() throws IOException {
        archive = dir.resolve("archive");
        pages = Files.createDirectories(archive.resolve("documents/leaflet-aaaaaaaaaaaa/pages"));
        Files.writeString(pages.resolveSibling("document.tei.xml"), TEI);
        Files.write(pages.resolve("p0001.png"), new byte[] {1, 2, 3});
    }

    @Test
    void aBadTeiIsNamedInOneLineAndTheEarlierCorpusIsKept() throws IOException {
        Path corpus = dir.resolve("corpus");
        assertEquals(0, CliRun.of("export", "--archive", archive.toString(), "--out", corpus.toString()).status());
        List<String> before = CliRun.tree(corpus);
        Path tei = pages.resolveSibling("document.tei.xml");
        Files.writeString(tei, "<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" + TEI);

        CliRun run = CliRun.of("export", "--archive", archive.toString(), "--out", corpus.toString());

        assertEquals(1, run.status(), run::toString);
        assertEquals(List.of("archive: " + tei + " cannot be read as XML: a DOCTYPE is not allowed: DTDs and entity "
                        + "declarations are refused, so that nothing outside the file is read",
                "archive: no corpus written; " + corpus + " is as it was"), run.err().strip().lines().toList());
        assertFalse(run.err().contains("\tat "), run::toString);
        assertEquals(before, CliRun.tree(corpus));
        assertFalse(Files.readString(corpus.resolve("documents/leaflet-aaaaaaaaaaaa/document.tei.xml"))
                .contains("DOCTYPE"), "the earlier copy is kept");
    }

    @Test
    void aLinkOutOfTheArchiveIsSkippedWithAWarningAndExitStatusOne() throws IOException {
        Files.createSymbolicLink(pages.resolve("p0002.png"), Path.of("/etc/passwd"));
        Path corpus = dir.resolve("corpus");

        CliRun run = CliRun.of("export", "--archive", archive.toString(), "--out", corpus.toString());

        assertEquals(1, run.status(), run::toString);
        assertEquals(List.of("archive: skipped " + pages.resolve("p0002.png")
                + ": a link to something outside the archive"), run.err().strip().lines().toList());
        assertTrue(Files.isRegularFile(corpus.resolve("documents/leaflet-aaaaaaaaaaaa/pages/p0001.png")));
        assertFalse(Files.exists(corpus.resolve("documents/leaflet-aaaaaaaaaaaa/pages/p0002.png"),
                LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aFolderOfOtherFilesIsRefusedAsAMistake() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("thesis.odt"), "years of work");

        CliRun.of("export", "--archive", archive.toString(), "--out", home.toString())
                .isMistake("--out " + home + " holds files but no corpus.tei.xml", "choose a new or empty folder");
        assertEquals(List.of("", "thesis.odt"), CliRun.tree(home));
    }
}
