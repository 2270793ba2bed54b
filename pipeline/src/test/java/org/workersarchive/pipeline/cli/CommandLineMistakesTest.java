package org.workersarchive.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.pipeline.archive.ArchiveStore;
import org.workersarchive.pipeline.archive.StoreLimits;

/**
 * Each mistake a new user makes on the command line, run through the real command line: one line
 * that names the problem and the fix, exit status 2, no stack trace, and nothing left behind (the
 * folder the run was given is as it was: no archive folder, no empty run folder).
 */
class CommandLineMistakesTest {

    @TempDir
    Path dir;
    private Path box;
    private Path archive;

    @BeforeEach
    void scans() throws Exception {
        box = Files.createDirectories(dir.resolve("box"));
        DrawnPages.slip(box.resolve("slip.png"), "Une feuille");
        archive = dir.resolve("archive");
    }

    /** Runs the command line and checks that the folder holds afterwards what it held before. */
    private CliRun runLeavingNothing(String... args) throws Exception {
        List<String> before = CliRun.tree(dir);
        CliRun run = CliRun.of(args);
        assertEquals(before, CliRun.tree(dir), () -> "nothing left behind by " + run);
        return run;
    }

    /** A batch run over the box with a config file of these settings. */
    private CliRun batchWithSettings(String settings) throws Exception {
        Path config = Files.writeString(dir.resolve("archive.properties"), settings);
        return runLeavingNothing("batch", box.toString(), "--archive", archive.toString(), "--config", config.toString());
    }

    @Test
    void anArchiveThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not an archive");
        runLeavingNothing("batch", box.toString(), "--archive", file.toString())
                .isMistake("--archive " + file + " is a file, not a folder", "give the archive's folder");
        assertEquals("not an archive", Files.readString(file));
    }

    @Test
    void anArchiveThatCannotBeMadeUnderAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        runLeavingNothing("batch", box.toString(), "--archive", file.resolve("archive").toString())
                .isMistake("cannot be made: " + file + " is a file, not a folder", "give a folder under one that exists");
    }

    @Test
    void aSecondRunOnAnArchiveAnotherRunHolds() throws Exception {
        try (ArchiveStore first = ArchiveStore.open(new ArchiveLayout(archive), "run first-watch", false,
                StoreLimits.defaults())) {
            runLeavingNothing("batch", box.toString(), "--archive", archive.toString())
                    .isMistake("another run is working on the archive " + archive, "run first-watch",
                            "stop it first, or drop the files into the inbox it watches");
            assertFalse(Files.exists(new ArchiveLayout(archive).runs()), "no run folder");
        }
    }

    @Test
    void aSecondRunLeavesNoRunFolderBesideTheRunsThere() throws Exception {
        Path runs = Files.createDirectories(new ArchiveLayout(archive).runs().resolve("2026-01-01T00-00-00Z-batch"));
        try (ArchiveStore first = ArchiveStore.open(new ArchiveLayout(archive), "run first-watch", false,
                StoreLimits.defaults())) {
            runLeavingNothing("watch", "--inbox", box.toString(), "--archive", archive.toString())
                    .isMistake("another run is working on the archive");
        }
        assertTrue(Files.isDirectory(runs), "the earlier run kept");
    }

    @Test
    void anImportIntoAnArchiveAnotherRunHoldsLeavesNoRunFolder() throws Exception {
        Files.createDirectories(new ArchiveLayout(archive).documents());
        try (ArchiveStore first = ArchiveStore.open(new ArchiveLayout(archive), "run first-watch", false,
                StoreLimits.defaults())) {
            runLeavingNothing("import", "--archive", archive.toString(), box.resolve("slip.png").toString())
                    .isMistake("another run is working on the archive " + archive, "run first-watch");
            runLeavingNothing("import", "--archive", archive.toString(), box.toString())
                    .isMistake("no PAGE or ALTO file in [" + box + "]", "give the page/ or alto/ files exported");
        }
    }

    @Test
    void anUnknownCommandIsNamedWithTheOneMeant() throws Exception {
        runLeavingNothing("bacth", box.toString()).isMistake("unknown command 'bacth' (did you mean batch?)",
                "the commands: batch, watch", "see ./archive --help");
    }

    @Test
    void anUnknownOptionIsNamedWithTheOneMeant() throws Exception {
        runLeavingNothing("batch", box.toString(), "--archive", archive.toString(), "--wokers", "2")
                .isMistake("archive batch: unknown option '--wokers' (did you mean --workers?)",
                        "see ./archive batch --help");
    }

    @Test
    void aRequiredOptionLeftOut() throws Exception {
        runLeavingNothing("batch", box.toString()).isMistake("Missing required option: '--archive=DIR'",
                "see ./archive batch --help");
    }

    @Test
    void noWorkers() throws Exception {
        runLeavingNothing("batch", box.toString(), "--archive", archive.toString(), "--workers", "0")
                .isMistake("--workers must be at least 1, not 0", "leave it out for one per core");
        runLeavingNothing("batch", box.toString(), "--archive", archive.toString(), "--workers", "-3")
                .isMistake("--workers must be at least 1, not -3");
    }

    @Test
    void workersThatAreNoNumber() throws Exception {
        runLeavingNothing("batch", box.toString(), "--archive", archive.toString(), "--workers", "two")
                .isMistake("Invalid value for option '--workers': 'two' is not an int", "see ./archive batch --help");
    }

    @Test
    void anInputThatDoesNotExist() throws Exception {
        runLeavingNothing("batch", dir.resolve("scan-12.pdf").toString(), "--archive", archive.toString())
                .isMistake("no such file or folder: " + dir.resolve("scan-12.pdf"), "give scan files, or folders of scans, that exist");
    }

    @Test
    void aConfigFileThatDoesNotExist() throws Exception {
        runLeavingNothing("batch", box.toString(), "--archive", archive.toString(), "--config",
                dir.resolve("archive.properties").toString())
                .isMistake("the config file " + dir.resolve("archive.properties") + " does not exist",
                        "give the path of a properties file");
    }

    @Test
    void aConfigFileThatIsAFolder() throws Exception {
        runLeavingNothing("retry", "--archive", archive.toString(), "--config", box.toString())
                .isMistake("the config file " + box + " is a folder");
    }

    @Test
    void anUnknownSettingIsNamedWithTheOneMeant() throws Exception {
        batchWithSettings("archive.wokers=2\n")
                .isMistake("unknown setting 'archive.wokers' (did you mean archive.workers?)",
                        "the settings are archive.languages, ");
    }

    @Test
    void settingsOutOfTheirRangeAreNamedWithTheirValue() throws Exception {
        batchWithSettings("archive.render-dpi=20\n")
                .isMistake("archive.render-dpi=20 cannot be used: render dpi out of 72..1200: 20",
                        "change it in the config file or on the command line");
    }

    @Test
    void settingsOfTheWrongKind() throws Exception {
        batchWithSettings("archive.workers=many\n")
                .isMistake("setting archive.workers must be a whole number, not 'many'");
        batchWithSettings("archive.thresholding=blurry\n")
                .isMistake("archive.thresholding=blurry cannot be used: unknown thresholding 'blurry'; one of auto");
        batchWithSettings("archive.word-zones=maybe\n")
                .isMistake("archive.word-zones must be true or false, not 'maybe'");
    }

    @Test
    void aLanguageWithNoModel() throws Exception {
        runLeavingNothing("batch", box.toString(), "--archive", archive.toString(), "--languages", "fra,xyz")
                .isMistake("archive.languages=fra,xyz cannot be used: no Tesseract model for 'xyz'");
    }

    @Test
    void bothWaysOfChoosingLanguages() throws Exception {
        runLeavingNothing("batch", box.toString(), "--archive", archive.toString(), "--languages", "fra",
                "--force-languages", "deu").isMistake("give --languages (chosen per page) or --force-languages, not both");
    }

    @Test
    void anAuthorityListThatDoesNotExist() throws Exception {
        batchWithSettings("archive.authority-list=" + dir.resolve("names.xml") + "\n")
                .isMistake("archive.authority-list=" + dir.resolve("names.xml") + ": no such file",
                        "leave the setting out for the bundled one");
    }

    @Test
    void anAuthorityListThatIsNoXmlLeavesNoArchiveBehind() throws Exception {
        // Read once the run holds the archive, which it made: the run must take it away again.
        Path names = Files.writeString(dir.resolve("names.xml"), "<TEI>not closed");
        batchWithSettings("archive.authority-list=" + names + "\n")
                .isMistake(names + " cannot be read as XML");
    }

    @Test
    void anInboxThatDoesNotExist() throws Exception {
        runLeavingNothing("watch", "--inbox", dir.resolve("inbox").toString(), "--archive", archive.toString())
                .isMistake("the inbox " + dir.resolve("inbox") + " does not exist: give the folder to watch");
    }

    @Test
    void aBrokerPortThatIsNoPortAndAJournalThatIsAFile() throws Exception {
        runLeavingNothing("broker", "--port", "70000", "--data", dir.resolve("journal").toString())
                .isMistake("--port 70000 is not a TCP port: give one from 1 to 65535");
        Path file = Files.writeString(dir.resolve("journal"), "");
        runLeavingNothing("broker", "--data", file.toString())
                .isMistake("--data " + file + " is a file, not a folder");
    }

    @Test
    void aWorkerOnAFolderNoIngestNodeWorksIn() throws Exception {
        runLeavingNothing("worker", "--broker", "tcp://127.0.0.1:1", "--archive", archive.toString())
                .isMistake("not an archive folder an ingest node works in", "start watch --broker first");
    }

    @Test
    void theDemoOverAFolderThatIsNoDemoArchive() throws Exception {
        runLeavingNothing("demo", "--archive", box.toString(), "--samples", "../samples/bundled")
                .isMistake(box + " exists and is not a demo archive; choose another --archive");
        runLeavingNothing("demo", "--archive", archive.toString(), "--samples", dir.toString())
                .isMistake("no sample scans in " + dir.resolve("scans"), "or give --samples");
    }

    @Test
    void theDemoOverAnArchiveABatchMade() throws Exception {
        // What a batch leaves: the same folders as a demo archive, but no demo's mark.
        Files.createDirectories(archive.resolve(ArchiveLayout.DOCUMENTS).resolve("a-leaflet"));
        Files.writeString(archive.resolve(ArchiveLayout.AUTHORITY_LIST), "<TEI/>");
        runLeavingNothing("demo", "--archive", archive.toString(), "--samples", "../samples/bundled")
                .isMistake(archive + " is an archive that ./archive demo did not make", "choose another --archive");
        assertTrue(Files.isDirectory(archive.resolve(ArchiveLayout.DOCUMENTS).resolve("a-leaflet")), "the archive is kept");
    }

    @Test
    void commandsThatReadAnArchiveGivenNone() throws Exception {
        String fix = "give the folder a batch or a watch wrote into (--archive)";
        runLeavingNothing("report", "--archive", archive.toString())
                .isMistake("no archive folder: " + archive + " (it does not exist)", fix);
        runLeavingNothing("import", "--archive", archive.toString(), box.toString())
                .isMistake("no archive folder " + archive + " (it does not exist)", fix);
        runLeavingNothing("export", "--archive", box.toString(), "--out", dir.resolve("corpus").toString())
                .isMistake("not an archive (no documents/): " + box, fix);
        runLeavingNothing("serve", "--archive", archive.toString()).isMistake("no archive folder " + archive, fix);
        runLeavingNothing("export-training", "--archive", box.resolve("slip.png").toString(), "--out",
                dir.resolve("lines").toString()).isMistake("--archive " + box.resolve("slip.png") + " is a file", fix);
        runLeavingNothing("evaluate").isMistake("give --archive and --truth, --archive and --corrections, --hipe or --factrueval");
        runLeavingNothing("evaluate", "--archive", archive.toString(), "--truth", box.toString())
                .isMistake("no archive folder " + archive, fix);
        runLeavingNothing("evaluate", "--hipe", dir.resolve("hipe.tsv").toString())
                .isMistake("--hipe " + dir.resolve("hipe.tsv") + " does not exist", "give HIPE-2020 or HIPE-2022 gold TSV files");
        runLeavingNothing("validate", dir.resolve("document.tei.xml").toString())
                .isMistake("no such file or folder: " + dir.resolve("document.tei.xml"));
    }

    @Test
    void theReviewServerOnAPortInUseOrWithoutItsPassword() throws Exception {
        Files.createDirectories(new ArchiveLayout(archive).documents());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            runLeavingNothing("serve", "--archive", archive.toString(), "--port", String.valueOf(taken.getLocalPort()))
                    .isMistake("port " + taken.getLocalPort() + " on 127.0.0.1 is in use", "give another --port");
        }
        runLeavingNothing("serve", "--archive", archive.toString(), "--password-file", dir.resolve("secret").toString())
                .isMistake("--password-file " + dir.resolve("secret") + " does not exist",
                        "give a file whose first line is the password");
        runLeavingNothing("serve", "--archive", archive.toString(), "--host", "0.0.0.0")
                .isMistake("give a password with --password-file FILE");
        runLeavingNothing("serve", "--archive", archive.toString(), "--port", "70000")
                .isMistake("--port 70000 is not a TCP port: give one from 1 to 65535");
    }

    @Test
    void trainingLinesIntoAFile() throws Exception {
        Files.createDirectories(new ArchiveLayout(archive).documents());
        Path file = Files.writeString(dir.resolve("lines.txt"), "");
        runLeavingNothing("export-training", "--archive", archive.toString(), "--out", file.toString())
                .isMistake("--out " + file + " is a file, not a folder", "give the folder the line files go to");
    }

    @Test
    void noCommandShowsEveryCommandThereIs() {
        CliRun run = CliRun.of();
        assertEquals(2, run.status(), run::toString);
        var commands = ArchiveCli.commandLine().getSubcommands().keySet();
        assertTrue(commands.containsAll(List.of("batch", "watch", "broker", "worker", "retry", "report", "evaluate",
                "validate", "export", "import", "demo")), commands::toString);
        for (String command : commands) {
            assertTrue(run.err().lines().anyMatch(line -> line.startsWith("  " + command + " ")),
                    () -> command + " listed: " + run.err());
        }
        assertTrue(run.err().strip().endsWith("a command is needed, one of: " + String.join(", ",
                commands.stream().filter(c -> !c.equals("help")).toList()) + "; see ./archive --help"), run::toString);
    }
}
