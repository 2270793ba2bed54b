package org.workersarchive.pipeline;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.ocr.OcrEngines;
import org.workersarchive.pipeline.archive.ArchiveStore;
import org.workersarchive.pipeline.broker.BrokerPages;
import org.workersarchive.pipeline.broker.BrokerQueues;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.RunReport;
import org.workersarchive.pipeline.routes.ArchiveRoutes;
import org.workersarchive.pipeline.routes.BrokerPageRoutes;
import org.workersarchive.pipeline.routes.InboxSetFilter;

/**
 * A running pipeline: the stages, the Camel context that wires them, and the source of inputs.
 * Batch, retry and watch runs differ only in where inputs come from, and whether they leave that
 * place when done with ({@link InputSource}).
 */
public final class ArchivePipeline implements AutoCloseable {

    /**
     * Where a batch run puts its inputs: a queue that blocks the sender when it is full. Its
     * consumers look whether the run is over between polls: at Camel's default of a second a poll,
     * every run ended up to a second after its last document.
     */
    static final String BATCH_QUEUE = "seda:batch-inputs?size=10000&blockWhenFull=true&pollTimeout=50";
    /** How long a stop waits for documents under way (OCR of a long PDF takes minutes). */
    private static final long SHUTDOWN_SECONDS = 1800;
    private static final String INBOX_FILTER = "inboxSetFilter";

    private final CamelContext camel;
    private final DocumentStages stages;
    private final RunReport report;
    private final ArchiveStore store;
    private final ProducerTemplate producer;
    /** Held while a watch runs, so that no second watch takes the same inbox; null for other runs. */
    private final InboxLock inboxLock;

    private ArchivePipeline(CamelContext camel, DocumentStages stages, RunReport report, ArchiveStore store,
                            InboxLock inboxLock) {
        this.camel = camel;
        this.inboxLock = inboxLock;
        this.report = report;
        this.stages = stages;
        this.store = store;
        this.producer = camel.createProducerTemplate();
    }

    /**
     * Starts a pipeline that reads its inputs from the batch queue; see {@link #submit}.
     *
     * @param reprocess make documents again from scans the archive holds already
     */
    public static ArchivePipeline forBatch(PipelineConfig config, RunReport report, boolean reprocess) {
        return forBatch(config, report, reprocess, null);
    }

    /**
     * As {@link #forBatch(PipelineConfig, RunReport, boolean)}, the pages read by workers over the
     * broker at the URL (null: here).
     */
    public static ArchivePipeline forBatch(PipelineConfig config, RunReport report, boolean reprocess,
                                           String brokerUrl) {
        return start(config, report, BATCH_QUEUE, InputSource.BATCH, reprocess, brokerUrl, null, false);
    }

    /**
     * Starts a pipeline for the inputs kept in the archive's failed/ folder, sent through again with
     * {@link #submit}: each that now makes a document leaves failed/.
     */
    public static ArchivePipeline forRetry(PipelineConfig config, RunReport report) {
        return start(config, report, BATCH_QUEUE, InputSource.FAILED, false, null, null, false);
    }

    /**
     * Starts a pipeline that watches an inbox. A file is taken once it has stopped changing (with
     * the other files of its set and their sidecar: {@link InboxSetFilter}), and deleted from the
     * inbox only when its outcome is recorded: its document written, or its copy and reason kept
     * in failed/, or found to be a duplicate of an archived original. The endpoint itself never
     * deletes nor moves a file ({@code noop}): the stages do, once the outcome is recorded, so that
     * an input the archive could not take stays in the inbox.
     */
    public static ArchivePipeline forInbox(PipelineConfig config, RunReport report, Path inbox) {
        return forInbox(config, report, inbox, null);
    }

    /**
     * As {@link #forInbox(PipelineConfig, RunReport, Path)}, the pages read by workers over the
     * broker at the URL (null: here). An ingest node: it admits, ingests, annotates and stores;
     * only the pages' OCR goes over the broker.
     */
    public static ArchivePipeline forInbox(PipelineConfig config, RunReport report, Path inbox, String brokerUrl) {
        return forInbox(config, report, inbox, brokerUrl, false);
    }

    /**
     * As {@link #forInbox(PipelineConfig, RunReport, Path, String)}, the inbox locked for as long as
     * the pipeline runs ({@link InboxLock}): the command {@code watch}. The lock is taken once the
     * archive's is held, so a watch refused for a busy archive leaves nothing in the inbox.
     *
     * @throws IllegalArgumentException when another watch holds the inbox, naming it
     */
    public static ArchivePipeline forWatch(PipelineConfig config, RunReport report, Path inbox, String brokerUrl) {
        return forInbox(config, report, inbox, brokerUrl, true);
    }

    private static ArchivePipeline forInbox(PipelineConfig config, RunReport report, Path inbox, String brokerUrl,
                                            boolean lockInbox) {
        String folder = inbox.toAbsolutePath().normalize().toString();
        if (folder.matches(".*[?&#%{}].*")) {
            // The folder goes into an endpoint URI, where these would be read as options or placeholders.
            throw new IllegalArgumentException("the inbox's path may not contain ? & # % { or }: " + folder);
        }
        String uri = "file:" + folder
                + "?noop=true&idempotent=false&readLock=changed&readLockCheckInterval=1000&readLockMinAge=2000"
                // No NAME.camelLock beside each file: for a name of 245 bytes or more it cannot be made
                // (the name too long), and the file was never taken. One run holds the archive anyway.
                + "&readLockMarkerFile=false"
                // An empty file is taken, to fail with its reason (once rested, as any file that may be a
                // copy that paused): under the default minimum length of 1 none ever was, and each held a
                // poll's slot for the whole read lock timeout.
                + "&readLockMinLength=0"
                // The largest first, chosen among all: a thousand empty files, failed a few a poll, came
                // before a scan dropped after them, which waited its turn for minutes.
                + "&sortBy=reverse:file:length&eagerMaxMessagesPerPoll=false"
                + "&readLockTimeout=20000&readLockLoggingLevel=OFF&initialDelay=500&delay=1000"
                + "&maxMessagesPerPoll=" + 2 * config.workers()
                + "&exclude=" + InboxEntries.LEFT_ALONE.pattern() + "&filter=#" + INBOX_FILTER;
        return start(config, report, uri, InputSource.INBOX, false, brokerUrl, inbox, lockInbox);
    }

    /**
     * Takes the archive's lock, puts right what a stopped run left, then starts the routes.
     *
     * @param reprocess make documents again from scans the archive holds already
     * @param brokerUrl where workers read the pages; null to read them here
     * @param inbox     the inbox, whose entries that can never be taken are given their outcome; or null
     * @param lockInbox whether to hold the inbox's lock while the pipeline runs
     */
    private static ArchivePipeline start(PipelineConfig config, RunReport report, String sourceUri,
                                         InputSource source, boolean reprocess, String brokerUrl, Path inbox,
                                         boolean lockInbox) {
        ArchiveStore store = ArchiveStore.open(config.archive(), "run " + report.runId(), reprocess, config.store());
        InboxLock inboxLock;
        try {
            inboxLock = lockInbox ? InboxLock.take(inbox, config.archiveDir()) : null;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        DocumentStages stages;
        try {
            stages = new DocumentStages(config, store, report.runId());
            stages.recoverStoppedRun();
            report.starting();
            if (brokerUrl == null) {
                stages.startEngines(); // an ingest node's pages are read by the workers' engines
            }
        } catch (RuntimeException e) {
            store.close();
            release(inboxLock);
            throw e;
        }
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind(INBOX_FILTER, new InboxSetFilter(store::mayTake));
        camel.getShutdownStrategy().setTimeout(SHUTDOWN_SECONDS);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        ExecutorService ocrPool = camel.getExecutorServiceManager()
                .newFixedThreadPool(ArchivePipeline.class, "ocr", config.workers());
        try {
            camel.addRoutes(new ArchiveRoutes(sourceUri, source, config.workers(), stages, report, ocrPool,
                    brokerUrl == null));
            if (brokerUrl != null) {
                addBrokerPageRoutes(camel, config, brokerUrl, stages.engines());
            }
            camel.start();
            if (inbox != null) {
                lookForUntakeableEntries(camel, new UntakeableEntries(inbox.toAbsolutePath().normalize(),
                        (entry, reason) -> !store.isPaused() && recordFailed(stages, report, entry, reason)));
            }
        } catch (Exception e) {
            stages.close();
            store.close();
            release(inboxLock);
            throw new IllegalStateException("the pipeline's routes could not start: " + e.getMessage(), e);
        }
        return new ArchivePipeline(camel, stages, report, store, inboxLock);
    }

    private static void release(InboxLock inboxLock) {
        if (inboxLock != null) {
            inboxLock.close();
        }
    }

    /**
     * Every few seconds, gives the inbox's entries its file endpoint never offers (folders, named
     * pipes, links to folders, names that are not UTF-8) their outcome; on Camel's own scheduler,
     * which stops with the context.
     */
    private static void lookForUntakeableEntries(CamelContext camel, UntakeableEntries entries) {
        camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(ArchivePipeline.class, "inbox-entries")
                .scheduleWithFixedDelay(entries::look, 1, 5, TimeUnit.SECONDS);
    }

    private static void addBrokerPageRoutes(CamelContext camel, PipelineConfig config, String brokerUrl,
                                            OcrEngines engines) throws Exception {
        camel.addComponent(BrokerQueues.COMPONENT, BrokerQueues.component(brokerUrl, config.workers()));
        BrokerPages pages = new BrokerPages(config.archiveDir(), config.pageAnswerWait(), brokerUrl,
                BrokerQueues.readWith(engines));
        camel.addRoutes(new BrokerPageRoutes(pages, BrokerQueues.repliesOf(config.archiveDir()),
                config.pageAnswerWait()));
    }

    /**
     * Records, as a failed input, something under the run's inputs that could not be read at all
     * (a folder without permission): it is reported, and the rest goes on.
     */
    public void recordUnreadable(Path path, String reason) {
        recordFailed(stages, report, path, reason);
    }

    /** Records the entry as a failed input, left where it is; whether the outcome is recorded. */
    private static boolean recordFailed(DocumentStages stages, RunReport report, Path path, String reason) {
        ScanSet entry = ScanSet.of(path);
        InputOutcome recorded = stages.record(entry, InputOutcome.failed(entry, null, reason, java.util.Map.of()), report);
        return recorded.status() == InputOutcome.Status.failed;
    }

    /** Queues one batch input; blocks while the queue is full. */
    public void submit(ScanSet input) {
        producer.sendBody(BATCH_QUEUE, input);
    }

    /**
     * Stops taking inputs, finishes the documents under way, tells the report what the OCR engines
     * spent, then frees them.
     */
    @Override
    public void close() {
        try {
            camel.stop();
            report.ocrCpuTime(stages.engines().nativeCpuTime());
        } finally {
            try {
                stages.close();
            } finally {
                store.close();
                release(inboxLock);
            }
        }
    }
}
