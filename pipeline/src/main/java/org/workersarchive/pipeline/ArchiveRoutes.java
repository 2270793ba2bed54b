package org.workersarchive.pipeline;

import java.io.File;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;

/**
 * The only place where Camel meets the stages. Every input, from the inbox or from a batch,
 * arrives at {@link #PROCESS} as a {@link org.workersarchive.ingest.ScanSet} (one scan, or the
 * files of one issue); its pages are read in parallel on the OCR pool; its outcome, whatever
 * happens, is recorded in the run report, and only then does the input leave the inbox. Each page
 * is read at {@link #READ_PAGE}: here, on the OCR pool's engines, or on workers over a broker
 * ({@link BrokerPageRoutes}).
 */
final class ArchiveRoutes extends RouteBuilder {

    static final String PROCESS = "direct:process-input";
    /** Takes a page of the document in property {@link #DOCUMENT}, answers it read. */
    static final String READ_PAGE = "direct:read-page";
    static final String INPUT = "archiveInput";
    static final String ADMISSION = "archiveAdmission";
    static final String DOCUMENT = "archiveDocument";
    static final String OCR_STARTED = "archiveOcrStarted";
    static final String READING = "archiveReading";

    private final String sourceUri;
    private final InputSource source;
    private final int workers;
    private final DocumentStages stages;
    private final RunReport report;
    private final ExecutorService ocrPool;
    private final boolean readsPagesHere;

    /**
     * @param sourceUri where inputs come from: the inbox's file endpoint (files), or the batch queue (sets)
     * @param source    what the inputs are, which decides whether they leave their place when done with
     * @param readsPagesHere whether pages are read by this process's engines; if not, another route
     *                  serves {@link #READ_PAGE}
     */
    ArchiveRoutes(String sourceUri, InputSource source, int workers, DocumentStages stages, RunReport report,
                  ExecutorService ocrPool, boolean readsPagesHere) {
        this.sourceUri = sourceUri;
        this.source = source;
        this.workers = workers;
        this.stages = stages;
        this.report = report;
        this.ocrPool = ocrPool;
        this.readsPagesHere = readsPagesHere;
    }

    @Override
    public void configure() {
        // Failures are caught by doTry below, around the whole document: an onException would also
        // fire for each failed page inside the split, and record one input as failed many times.
        errorHandler(noErrorHandler());

        ProcessorDefinition<?> intake = from(sourceUri).routeId("intake")
                .threads(workers).threadName("document");
        if (source == InputSource.INBOX) {
            // The endpoint takes only a set's first file (InboxSetFilter); the set is found from it.
            intake.convertBodyTo(File.class);
            intake.bean(stages, "scanSetOf");
        }
        intake.to(PROCESS);

        from(PROCESS).routeId("process-input")
                .setProperty(INPUT, body())
                .doTry()
                    .bean(stages, "admit(${exchangeProperty." + INPUT + "})")
                    .setProperty(ADMISSION, body())
                    .choice()
                        .when(simple("${body.duplicate}"))
                            .bean(stages, "duplicate")
                        .otherwise()
                            .to("direct:make-document")
                    .end()
                .endDoTry()
                .doCatch(Exception.class)
                    .bean(stages, "failed(${exchangeProperty." + INPUT + "}, ${exchangeProperty." + ADMISSION
                            + "}, ${exception})")
                .end()
                .bean(report, "record")
                // Only now may the input leave the inbox (and the journal).
                .bean(stages, "finish(${exchangeProperty." + INPUT + "}, ${exchangeProperty." + ADMISSION
                        + "}, ${body}, " + source.name() + ")");

        from("direct:make-document").routeId("make-document")
                .bean(stages, "ingest")
                .setProperty(DOCUMENT, body())
                .setProperty(OCR_STARTED, method(Instant.class, "now()"))
                .setProperty(READING, method(stages, "reading"))
                .split(simple("${body.pages}"), new PageAggregation(DOCUMENT))
                    .parallelProcessing().executorService(ocrPool).stopOnException()
                    .to(READ_PAGE)
                .end()
                .bean(stages, "recognized(${body}, ${exchangeProperty." + OCR_STARTED + "})")
                .bean(stages, "annotate")
                .bean(stages, "store(${body}, ${exchangeProperty." + ADMISSION + "})");

        if (readsPagesHere) {
            from(READ_PAGE).routeId("read-page")
                    .bean(stages, "recognize(${body}, ${exchangeProperty." + READING + "})");
        }
    }
}
