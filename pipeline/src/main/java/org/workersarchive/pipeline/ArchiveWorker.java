package org.workersarchive.pipeline;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.workersarchive.ocr.EngineProcesses;
import org.workersarchive.pipeline.broker.BrokerQueues;
import org.workersarchive.pipeline.broker.PageWorker;
import org.workersarchive.pipeline.routes.WorkerRoutes;

/**
 * A running worker: reads pages from the broker's page queue on this machine's engine processes,
 * one page per engine at a time, and answers each to the ingest node that sent it. It works in an
 * archive folder that an ingest node owns (it takes no lock and writes only the pages it prepares
 * and its engines' crash reports).
 */
public final class ArchiveWorker implements AutoCloseable {

    /** How long a stop waits for the pages under way. */
    private static final long SHUTDOWN_SECONDS = 600;

    private final CamelContext camel;
    private final EngineProcesses engines;

    private ArchiveWorker(CamelContext camel, EngineProcesses engines) {
        this.camel = camel;
        this.engines = engines;
    }

    /**
     * Connects to the broker and starts taking pages.
     *
     * @param progress where a line is printed as each page is taken and as it is answered
     * @throws IllegalArgumentException when the archive folder is not one an ingest node has started in
     */
    public static ArchiveWorker start(PipelineConfig config, String brokerUrl, PrintStream progress) {
        Path archive = config.archiveDir();
        if (!Files.isRegularFile(config.archive().authorityList())) {
            throw new IllegalArgumentException("not an archive folder an ingest node works in: " + archive
                    + " (start watch --broker first, and give the shared folder as this machine mounts it)");
        }
        EngineProcesses engines = new EngineProcesses(config.ocr(), config.engines(), config.archive().engineCrashes());
        engines.startAll();
        PageWorker worker = new PageWorker(archive, engines, config.pageDeliveries(), BrokerQueues.thisProcess(),
                progress);
        CamelContext camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(SHUTDOWN_SECONDS);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        try {
            camel.addComponent(BrokerQueues.COMPONENT, BrokerQueues.component(brokerUrl, config.workers()));
            camel.addRoutes(new WorkerRoutes(worker, config.workers()));
            camel.start();
        } catch (Exception e) {
            engines.close();
            throw new IllegalStateException("the worker's routes could not start: " + e.getMessage(), e);
        }
        return new ArchiveWorker(camel, engines);
    }

    /** Stops taking pages, finishes (and answers) those under way, then ends the engine processes. */
    @Override
    public void close() {
        try {
            camel.stop();
        } finally {
            engines.close();
        }
    }
}
