package org.workersarchive.pipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.workersarchive.ingest.ScanSets;
import org.workersarchive.pipeline.ArchivePipeline;
import org.workersarchive.pipeline.EngineMemory;
import org.workersarchive.pipeline.PipelineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {"Sends the inputs kept in ARCHIVE/failed/ through the pipeline again, after a fix (a",
                "repaired file or sidecar put back under the same name in failed/, an installed model, a",
                "larger page limit in the config file). Each input that now makes a document, or is found a duplicate, leaves",
                "failed/ with its reason file; one that fails again stays, its reason file rewritten.",
                "Exit status: 0 all done, 1 some failed again, 2 bad usage, 3 some deferred."},
        footer = {"", "Example:", "  ./archive retry --archive ~/archive --config archive.properties"})
final class RetryCommand implements Callable<Integer> {

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive folder.")
    Path archive;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        PipelineConfig config = EngineMemory.capped(options.load(archive), System.out);
        List<Path> kept = keptInputs(config.archive().failed());
        if (kept.isEmpty()) {
            System.out.println("Nothing to retry: " + config.archive().failed() + " holds no input.");
            return 0;
        }
        return BatchCommand.run(kept, config, "retry", report -> ArchivePipeline.forRetry(config, report));
    }

    /** Every input kept in failed/: not a reason file, not a sidecar (it goes with its scans), not hidden. */
    private static List<Path> keptInputs(Path failed) throws IOException {
        if (!Files.isDirectory(failed)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(failed)) {
            return entries.filter(path -> {
                String name = path.getFileName().toString();
                return !name.startsWith(".") && !name.endsWith(".reason.txt") && !ScanSets.isSidecarName(name);
            }).map(path -> path.toAbsolutePath().normalize()).sorted().toList();
        }
    }
}
