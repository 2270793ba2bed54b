package org.workersarchive.pipeline.cli;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Folders;
import org.workersarchive.pipeline.ArchivePipeline;
import org.workersarchive.pipeline.archive.ArchiveBusyException;
import org.workersarchive.pipeline.report.RunProgress;
import org.workersarchive.pipeline.report.RunReport;

/**
 * Starts a run on an archive so that a run that cannot start leaves nothing behind: the archive
 * folder is checked before anything is made, and when the pipeline then fails to start (another run
 * holds the archive, an authority list that cannot be read), its run folder is removed, and the
 * archive folder too when this run made it.
 *
 * @param report   the run's report, in its own run folder
 * @param pipeline the pipeline, started
 */
record RunStart(RunReport report, ArchivePipeline pipeline) {

    /**
     * @param command the run's name in its report folder
     * @param factory starts the pipeline for the report (it takes the archive's lock)
     * @throws IllegalArgumentException when the archive folder is not one, or cannot be made
     */
    static RunStart start(Path archiveDir, String command, RunProgress progress,
                          Function<RunReport, ArchivePipeline> factory) {
        requireArchiveFolder(archiveDir);
        boolean archiveExisted = Files.exists(archiveDir);
        boolean runsExisted = Files.exists(new ArchiveLayout(archiveDir).runs());
        RunReport report = RunSummary.newReport(archiveDir, command, progress);
        try {
            return new RunStart(report, factory.apply(report));
        } catch (ArchiveBusyException busy) {
            // Another run may have made the archive since it was looked at: only what this run made goes.
            removeWhatWasMade(archiveDir, true, runsExisted, report, busy);
            throw busy;
        } catch (RuntimeException e) {
            removeWhatWasMade(archiveDir, archiveExisted, runsExisted, report, e);
            throw e;
        }
    }

    /**
     * The archive folder must be a folder, or one that can be made: checked before anything is
     * written, so that a typo in {@code --archive} is said at once, in one line.
     */
    static void requireArchiveFolder(Path archiveDir) {
        Path folder = archiveDir.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--archive " + archiveDir + " is a file, not a folder: give the "
                    + "archive's folder (it is made if it does not exist)");
        }
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || existing.equals(folder)) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException("the archive folder " + archiveDir + " cannot be made: " + existing
                    + " is a file, not a folder: give a folder under one that exists");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException("the archive folder " + archiveDir + " cannot be made: permission "
                    + "denied in " + existing + ": give a folder you can write, or make it first");
        }
    }

    private static void removeWhatWasMade(Path archiveDir, boolean archiveExisted, boolean runsExisted,
                                          RunReport report, RuntimeException failure) {
        try {
            if (!archiveExisted) {
                // Made by this run, which held its lock until the start failed: nobody else wrote in it.
                Folders.deleteTree(archiveDir);
                return;
            }
            report.discardIfEmpty();
            if (!runsExisted) {
                Files.deleteIfExists(new ArchiveLayout(archiveDir).runs());
            }
        } catch (DirectoryNotEmptyException another) {
            // another run's folder is there too: runs/ stays
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
