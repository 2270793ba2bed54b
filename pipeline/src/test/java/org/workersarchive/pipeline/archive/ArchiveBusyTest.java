package org.workersarchive.pipeline.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.pipeline.cli.ArchiveCli;
import picocli.CommandLine;

/** A run refused because another holds the archive, or because its lock cannot be made: one line, no stack trace. */
class ArchiveBusyTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunIsRefusedInOneLineNamingTheRunThatHoldsTheArchive() throws Exception {
        Path archive = dir.resolve("archive");
        Path box = Files.createDirectories(dir.resolve("box"));
        DrawnPages.slip(box.resolve("slip.png"), "Une feuille");
        try (ArchiveStore first = ArchiveStore.open(new ArchiveLayout(archive), "run first-watch", false,
                StoreLimits.defaults())) {
            StringWriter err = new StringWriter();
            CommandLine cli = ArchiveCli.commandLine();
            cli.setErr(new PrintWriter(err, true));

            int status = cli.execute("batch", box.toString(), "--archive", archive.toString());

            assertEquals(2, status);
            assertTrue(err.toString().startsWith("archive: another run is working on the archive " + archive
                    + " (run first-watch, process "), err.toString());
            assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
        }
    }

    @Test
    void anArchiveWhoseLockCannotBeMadeIsSaidInOneLine() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "not a folder");
        Path box = Files.createDirectories(dir.resolve("box"));
        DrawnPages.slip(box.resolve("slip.png"), "Une feuille");
        StringWriter err = new StringWriter();
        CommandLine cli = ArchiveCli.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int status = cli.execute("batch", box.toString(), "--archive", notAFolder.resolve("archive").toString());

        assertEquals(2, status, err.toString());
        assertTrue(err.toString().startsWith("archive: "), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }
}
