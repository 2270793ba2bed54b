package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.XmlParsers;

/** The corpus export over an archive whose files were touched by hand: links, broken TEI, an earlier corpus. */
class CorpusExporterTest {

    private static final String TEI = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
            <publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
            <text><body><pb n="1"/><p><persName ref="../../authority.xml#m">Myasnikov</persName></p></body></text></TEI>""";

    @TempDir
    Path dir;

    private Path archive;
    private Path out;

    @BeforeEach
    void anArchiveOfTwoDocuments() throws IOException {
        archive = dir.resolve("archive");
        for (String id : List.of("leaflet-aaaaaaaaaaaa", "leaflet-bbbbbbbbbbbb")) {
            Path folder = Files.createDirectories(archive.resolve("documents").resolve(id).resolve("pages"));
            Files.writeString(folder.resolveSibling("document.tei.xml"), TEI, StandardCharsets.UTF_8);
            Files.write(folder.resolve("p0001.png"), new byte[] {1, 2, 3});
        }
        out = dir.resolve("corpus");
    }

    @Test
    void aLinkOutOfTheArchiveIsSkippedAndSaidNotCopied() throws IOException {
        Path pages = archive.resolve("documents/leaflet-aaaaaaaaaaaa/pages");
        Path outside = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(pages.resolve("p0002.png"), outside);
        Files.createSymbolicLink(pages.resolve("p0003.png"), Path.of("/etc/passwd"));
        // A link to a file inside the archive is the archive's own: copied.
        Files.createSymbolicLink(pages.resolve("p0004.png"), pages.resolve("p0001.png"));

        CorpusExporter.Export export = new CorpusExporter().export(archive, out);

        Path copied = out.resolve("documents/leaflet-aaaaaaaaaaaa/pages");
        assertFalse(Files.exists(copied.resolve("p0002.png")));
        assertFalse(Files.exists(copied.resolve("p0003.png")));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(copied.resolve("p0004.png")));
        assertFalse(Files.isSymbolicLink(copied.resolve("p0004.png")), "a copy, not a link");
        assertEquals(List.of("skipped " + pages.resolve("p0002.png") + ": a link to something outside the archive",
                "skipped " + pages.resolve("p0003.png") + ": a link to something outside the archive"), export.skipped());
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("root:x:0:0"),
                        file.toString());
            }
        }
    }

    @Test
    void aLinkedAuthorityListOrTeiOutOfTheArchiveIsNotRead() throws IOException {
        Path outside = Files.writeString(dir.resolve("elsewhere.xml"), TEI);
        Files.createSymbolicLink(archive.resolve("authority.xml"), outside);
        assertEquals(List.of("skipped " + archive.resolve("authority.xml") + ": a link to something outside the archive"),
                new CorpusExporter().export(archive, out).skipped());
        assertFalse(Files.exists(out.resolve("authority.xml")));

        Path tei = archive.resolve("documents/leaflet-bbbbbbbbbbbb/document.tei.xml");
        Files.delete(tei);
        Files.createSymbolicLink(tei, outside);
        ExportRefusedException refused = assertThrows(ExportRefusedException.class,
                () -> new CorpusExporter().export(archive, dir.resolve("corpus-2")));
        assertEquals(List.of(tei + " is not a regular file inside the archive (a link out of it?)"), refused.problems());
    }

    @Test
    void aBadTeiRefusesTheExportAndLeavesTheEarlierCorpusAsItWas() throws IOException {
        new CorpusExporter().export(archive, out);
        Map<Path, byte[]> before = contents(out);
        Path broken = archive.resolve("documents/leaflet-aaaaaaaaaaaa/document.tei.xml");
        Files.writeString(broken, TEI.replace("</p></body>", "</body>"));
        Path doctype = archive.resolve("documents/leaflet-bbbbbbbbbbbb/document.tei.xml");
        Files.writeString(doctype, "<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" + TEI);

        ExportRefusedException refused = assertThrows(ExportRefusedException.class,
                () -> new CorpusExporter().export(archive, out));

        assertEquals(2, refused.problems().size(), refused.problems().toString());
        assertTrue(refused.problems().get(0).startsWith(broken + " cannot be read as XML: "), refused.problems().get(0));
        assertTrue(refused.problems().get(0).contains("must be terminated by the matching end-tag"),
                refused.problems().get(0));
        assertFalse(refused.problems().get(0).contains("\n"), "one line");
        assertEquals(doctype + " cannot be read as XML: " + XmlParsers.DOCTYPE_REFUSED, refused.problems().get(1));
        assertEquals(keys(before), keys(contents(out)));
        contents(out).forEach((file, bytes) -> assertArrayEquals(before.get(file), bytes, file.toString()));
        assertEquals(List.of("archive", "corpus"), names(dir), "no partial corpus is left beside it");
    }

    @Test
    void anAuthorityListWithADoctypeRefusesTheExportAndABrokenManifestIsSkipped() throws IOException {
        Path authority = Files.writeString(archive.resolve("authority.xml"),
                "<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<TEI/>");
        ExportRefusedException refused = assertThrows(ExportRefusedException.class,
                () -> new CorpusExporter().export(archive, out));
        assertEquals(List.of(authority + " cannot be read as XML: " + XmlParsers.DOCTYPE_REFUSED), refused.problems());
        assertFalse(Files.exists(out));

        Files.writeString(authority, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>");
        Path manifest = Files.writeString(archive.resolve("documents/leaflet-aaaaaaaaaaaa/manifest.json"), "{\"id\": ");
        CorpusExporter.Export export = new CorpusExporter().export(archive, out);
        assertEquals(1, export.skipped().size(), export.skipped().toString());
        assertTrue(export.skipped().get(0).startsWith("skipped " + manifest + ": not JSON ("), export.skipped().get(0));
        assertFalse(Files.exists(out.resolve("documents/leaflet-aaaaaaaaaaaa/manifest.json")));
        assertTrue(Files.isRegularFile(out.resolve("authority.xml")));
    }

    @Test
    void anEarlierCorpusIsReplacedWhole() throws IOException {
        new CorpusExporter().export(archive, out);
        Files.writeString(out.resolve("notes.txt"), "stale");
        Path gone = archive.resolve("documents/leaflet-bbbbbbbbbbbb");
        Files.delete(gone.resolve("pages/p0001.png"));
        Files.delete(gone.resolve("pages"));
        Files.delete(gone.resolve("document.tei.xml"));
        Files.delete(gone);

        CorpusExporter.Export export = new CorpusExporter().export(archive, out);

        assertEquals(List.of(out.resolve("documents/leaflet-aaaaaaaaaaaa/document.tei.xml")), export.documents());
        assertEquals(out.resolve("corpus.tei.xml"), export.corpus());
        assertEquals(List.of("leaflet-aaaaaaaaaaaa"), names(out.resolve("documents")));
        assertFalse(Files.exists(out.resolve("notes.txt")));
        assertEquals(List.of("archive", "corpus"), names(dir));
    }

    @Test
    void whatAKilledExportLeftBesideTheCorpusIsPutRight() throws IOException {
        Path aside = Files.createDirectories(dir.resolve(".corpus.replaced-" + java.util.UUID.randomUUID()));
        Files.writeString(aside.resolve("corpus.tei.xml"), "<teiCorpus/>");
        Path half = Files.createDirectories(dir.resolve(".corpus.partial-" + java.util.UUID.randomUUID()));
        Files.writeString(half.resolve("entities.csv"), "half");

        new CorpusExporter().export(archive, out);

        assertEquals(List.of("archive", "corpus"), names(dir));
        assertTrue(Files.readString(out.resolve("corpus.tei.xml")).contains("Myasnikov"), "the new corpus");
    }

    @Test
    void aFolderOfOtherFilesIsNotTakenForACorpus() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("thesis.odt"), "years of work");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new CorpusExporter().export(archive, home));

        assertTrue(refused.getMessage().startsWith("--out " + home + " holds files but no corpus.tei.xml"),
                refused.getMessage());
        assertEquals(List.of("thesis.odt"), names(home));
        Path link = Files.createSymbolicLink(dir.resolve("published"), Files.createDirectories(dir.resolve("www")));
        assertEquals("--out " + link + " is not a folder but a link; give the folder it points to",
                assertThrows(IllegalArgumentException.class, () -> new CorpusExporter().export(archive, link))
                        .getMessage());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> keys(Map<Path, byte[]> contents) {
        return List.copyOf(contents.keySet());
    }

    private static Map<Path, byte[]> contents(Path folder) throws IOException {
        Map<Path, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(folder.relativize(file), Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
