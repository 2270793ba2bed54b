package org.workersarchive.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.workersarchive.core.ArchiveLayout;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The archive a command reads (export, import, serve, ...), checked before anything is done with it. */
final class ArchiveFolders {

    private ArchiveFolders() {
    }

    /**
     * @throws CommandLine.ParameterException in one line with the fix, when the folder is not there,
     *                                        is a file, or holds no documents/ (not an archive a run made)
     */
    static void requireArchive(CommandSpec spec, Path archive) {
        if (Files.isDirectory(new ArchiveLayout(archive).documents())) {
            return;
        }
        String problem = !Files.exists(archive) ? "no archive folder " + archive + " (it does not exist)"
                : !Files.isDirectory(archive) ? "--archive " + archive + " is a file, not a folder"
                : "not an archive (no documents/): " + archive;
        throw new CommandLine.ParameterException(spec.commandLine(), problem
                + ": give the folder a batch or a watch wrote into (--archive)");
    }
}
