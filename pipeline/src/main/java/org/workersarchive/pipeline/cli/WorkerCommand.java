package org.workersarchive.pipeline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.workersarchive.pipeline.ArchiveWorker;
import org.workersarchive.pipeline.EngineMemory;
import org.workersarchive.pipeline.PipelineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Reads pages for an ingest node (watch --broker or batch --broker): takes them from",
                "the broker's page queue, one per engine (--workers), reads them with this machine's",
                "Tesseract, and answers each. Start as many as wanted, on any machine that sees the",
                "archive folder; give that folder as this machine mounts it. A worker killed in the",
                "middle of a page loses nothing: the broker gives the page to another worker.",
                "Ctrl-C (or SIGTERM) finishes the pages under way, then exits."},
        footer = {"", "Example:", "  ./archive worker --broker tcp://10.0.0.5:61616 --archive /mnt/archive --workers 4"})
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--broker", required = true, paramLabel = "URL",
            description = "The broker, e.g. tcp://10.0.0.5:61616 (what ./archive broker prints).")
    String broker;

    @Option(names = "--archive", required = true, paramLabel = "DIR",
            description = "The archive folder, as this machine mounts it.")
    Path archive;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        PipelineConfig config = EngineMemory.capped(options.load(archive), System.out);
        ArchiveWorker worker = ArchiveWorker.start(config, broker, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: finishing the pages under way…");
            try {
                worker.close();
            } finally {
                stopped.countDown();
            }
        }, "archive-worker-shutdown"));
        System.out.printf("Worker reading pages from %s for archive %s; %d engine(s). Ctrl-C to stop.%n",
                broker, config.archiveDir(), config.workers());
        stopped.await();
        return 0;
    }
}
