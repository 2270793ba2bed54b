package org.workersarchive.pipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.workersarchive.pipeline.ArchivePipeline;
import org.workersarchive.pipeline.EngineMemory;
import org.workersarchive.pipeline.FolderOverlap;
import org.workersarchive.pipeline.PipelineConfig;
import org.workersarchive.pipeline.report.ProgressPrinter;
import org.workersarchive.pipeline.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Watches an inbox folder: every scan dropped there becomes a document in the archive. "
                + "A file still being copied is left until it stops changing. A processed file leaves the "
                + "inbox only once its document is written (its original is kept under originals/); a file "
                + "that fails goes to ARCHIVE/failed/ with NAME.reason.txt beside it.",
                "What can never be a scan (a folder, a link to one, a named pipe, a name not in UTF-8) is "
                + "reported once, with the reason, and left where it is. One watch at a time on an inbox: it "
                + "holds INBOX/.archive-watch.lock. The inbox may not be the archive, lie inside it or hold it.",
                "Ctrl-C finishes the documents under way, then exits."},
        footer = {"", "Example:", "  ./archive watch --inbox ~/inbox --archive ~/archive"})
final class WatchCommand implements Callable<Integer> {

    @Option(names = "--inbox", required = true, paramLabel = "DIR", description = "The folder to watch.")
    Path inbox;

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive folder.")
    Path archive;

    @Option(names = "--broker", paramLabel = "URL",
            description = {"Have the pages read by workers (./archive worker) over this Artemis broker, "
                    + "e.g. tcp://10.0.0.5:61616, instead of here. Workers must see the archive folder."})
    String broker;

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(inbox)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the inbox " + inbox
                    + (Files.exists(inbox) ? " is a file, not a folder" : " does not exist") + ": give the folder to watch");
        }
        String overlap = FolderOverlap.problem("the inbox", inbox, archive, false);
        if (overlap != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), overlap);
        }
        PipelineConfig loaded = options.load(archive);
        PipelineConfig config = broker == null ? EngineMemory.capped(loaded, System.out) : loaded;
        RunStart run = startRun(config);
        RunReport report = run.report();
        ArchivePipeline pipeline = run.pipeline();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: finishing the documents under way…");
            try {
                pipeline.close();
                RunSummary.print(report, System.out);
            } catch (IOException e) {
                System.err.println("archive: cannot write the run report " + report.file() + ": " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "archive-shutdown"));
        System.out.printf("Watching %s; archive %s; %s. Ctrl-C to stop.%n", inbox.toAbsolutePath(),
                config.archiveDir(), broker == null ? config.workers() + " worker(s)"
                        : "pages read by the workers of " + broker + ", " + config.workers() + " at once");
        stopped.await();
        return 0;
    }

    private RunStart startRun(PipelineConfig config) {
        return RunStart.start(config.archiveDir(), "watch", new ProgressPrinter(System.out, 0),
                started -> {
                    started.describedWith(config.iiif(), config.tei());
                    return ArchivePipeline.forWatch(config, started, inbox, broker);
                });
    }
}
