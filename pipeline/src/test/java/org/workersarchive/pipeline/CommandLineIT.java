package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.pipeline.archive.ArchiveStore;
import org.workersarchive.pipeline.archive.StoreLimits;

/**
 * The command line in a process of its own, as {@code ./archive} starts it, everything it prints on
 * either stream read: a user's mistake is that one line and exit status 2 (no library logging a
 * stack trace beside it, which a test in the same JVM would not see), nothing is left behind; and a
 * run's progress, where no terminal is, moves with each page of a PDF, not once the PDF is done.
 */
class CommandLineIT {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    private Path box;
    private Path archive;

    @BeforeEach
    void scans() throws IOException {
        box = Files.createDirectories(dir.resolve("box"));
        DrawnPages.slip(box.resolve("slip.png"), "Une feuille du groupe");
        archive = dir.resolve("archive");
    }

    /** Runs the command to its end; returns its exit status and every line it printed, on both streams. */
    private Ended run(String... arguments) throws Exception {
        Path log = dir.resolve("logs").resolve("run-" + System.nanoTime() + ".log");
        try (ArchiveProcess process = ArchiveProcess.start(log, "512m", arguments)) {
            assertTrue(process.waitFor(PATIENCE), "ended: " + String.join(" ", arguments));
            return new Ended(process.exitValue(), process.logLines());
        }
    }

    private record Ended(int status, List<String> lines) {

        /** One line, exit status 2, the parts given in the line. */
        void isMistake(String... parts) {
            assertEquals(2, status, lines::toString);
            assertEquals(1, lines.size(), () -> "one line: " + String.join("\n", lines));
            for (String part : parts) {
                assertTrue(lines.get(0).contains(part), () -> "'" + part + "' in " + lines.get(0));
            }
        }
    }

    private List<String> treeOutsideLogs() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.map(path -> dir.relativize(path).toString()).filter(name -> !name.startsWith("logs"))
                    .sorted().toList();
        }
    }

    @Test
    void anArchiveThatIsAFileIsOneLineAndNoStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not an archive");
        List<String> before = treeOutsideLogs();
        run("batch", box.toString(), "--archive", file.toString())
                .isMistake("archive: --archive " + file + " is a file, not a folder", "give the archive's folder");
        assertEquals(before, treeOutsideLogs(), "nothing left behind");
    }

    @Test
    void aLockedArchiveIsOneLineAndLeavesNoRunFolder() throws Exception {
        try (ArchiveStore held = ArchiveStore.open(new ArchiveLayout(archive), "run first-watch", false,
                StoreLimits.defaults())) {
            List<String> before = treeOutsideLogs();
            run("batch", box.toString(), "--archive", archive.toString(), "--workers", "1")
                    .isMistake("another run is working on the archive " + archive, "stop it first");
            assertEquals(before, treeOutsideLogs(), "no run folder, nothing else");
            assertFalse(Files.exists(new ArchiveLayout(archive).runs()));
        }
    }

    @Test
    void anUnknownOptionAndAMissingInboxAreOneLineEach() throws Exception {
        run("batch", box.toString(), "--archive", archive.toString(), "--wokers", "2")
                .isMistake("unknown option '--wokers' (did you mean --workers?)", "see ./archive batch --help");
        run("watch", "--inbox", dir.resolve("inbox").toString(), "--archive", archive.toString())
                .isMistake("the inbox " + dir.resolve("inbox") + " does not exist", "give the folder to watch");
        assertFalse(Files.exists(archive), "no archive made");
    }

    @Test
    void theProgressOfAPdfMovesWithEachPage() throws Exception {
        Path pdf = threePagePdf(box.resolve("tract.pdf"));
        Files.delete(box.resolve("slip.png"));

        Ended batch = run("batch", pdf.toString(), "--archive", archive.toString(), "--workers", "1");

        assertEquals(0, batch.status(), () -> String.join("\n", batch.lines()));
        assertTrue(batch.lines().get(0).startsWith("Processing 1 file(s) as 1 document(s) into " + archive),
                () -> "first, what the run does: " + String.join("\n", batch.lines()));
        Pattern pagesLine = Pattern.compile("pages (\\d+)/(\\d+)  \\d+\\.\\d pages/min.*reading tract\\.pdf");
        List<Integer> pagesRead = new ArrayList<>();
        int firstPagesLine = -1;
        int outcomeLine = -1;
        for (int i = 0; i < batch.lines().size(); i++) {
            Matcher line = pagesLine.matcher(batch.lines().get(i));
            if (line.find()) {
                assertEquals("3", line.group(2), "pages known: the PDF's three, " + line.group());
                pagesRead.add(Integer.parseInt(line.group(1)));
                firstPagesLine = firstPagesLine < 0 ? i : firstPagesLine;
            }
            if (batch.lines().get(i).startsWith("[1/1] ok " + pdf)) {
                outcomeLine = i;
            }
        }
        assertEquals(List.of(1, 2, 3), pagesRead, () -> String.join("\n", batch.lines()));
        assertTrue(firstPagesLine >= 0 && outcomeLine > firstPagesLine,
                () -> "each page before the document is done: " + String.join("\n", batch.lines()));
        assertTrue(batch.lines().stream().anyMatch(line -> line.matches("  pages +3")),
                () -> "the summary's pages: " + String.join("\n", batch.lines()));
    }

    /** A PDF of three scanned pages of French text, each page an image at 300 dpi. */
    private static Path threePagePdf(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int page = 1; page <= 3; page++) {
                BufferedImage image = DrawnPages.drawn(List.of("Page " + page + " du tract", "Aux ouvriers de Paris"));
                PDPage pdfPage = new PDPage(new PDRectangle(image.getWidth() * 72f / 300, image.getHeight() * 72f / 300));
                document.addPage(pdfPage);
                PDImageXObject scan = LosslessFactory.createFromImage(document, image);
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    content.drawImage(scan, 0, 0, pdfPage.getMediaBox().getWidth(), pdfPage.getMediaBox().getHeight());
                }
            }
            document.save(file.toFile());
        }
        return file;
    }
}
