package org.workersarchive.pipeline.routes;

import java.io.File;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.support.ExpressionAdapter;
import org.workersarchive.core.Document;
import org.workersarchive.core.Page;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.ingest.ScanSets;
import org.workersarchive.ocr.DocumentReading;
import org.workersarchive.pipeline.DocumentStages;
import org.workersarchive.pipeline.InputSource;
import org.workersarchive.pipeline.archive.Admission;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.RunReport;

/**
 * The only place where Camel meets the stages. Every input, from the inbox or from a batch,
 * arrives at {@link #PROCESS} as a {@link org.workersarchive.ingest.ScanSet} (one scan, or the
 * files of one issue); its pages are read in parallel on the OCR pool; its outcome, whatever
 * happens, is recorded in the run report, and only then does the input leave the inbox. Each page
 * is read at {@link #READ_PAGE}: here, on the OCR pool's engines, or on workers over a broker
 * ({@link BrokerPageRoutes}).
 */
public final class ArchiveRoutes extends RouteBuilder {

    public static final String PROCESS = "direct:process-input";
    /** Takes a page of the document {@linkplain #underWay under way}, answers it read. */
    static final String READ_PAGE = "direct:read-page";
    private static final String MAKE_DOCUMENT = "direct:make-document";
    private static final String INPUT = "archiveInput";
    private static final String ADMISSION = "archiveAdmission";
    private static final String UNDER_WAY = "archiveDocumentUnderWay";
    /** The pages of the document in the body, which the split reads in parallel. */
    private static final Expression PAGES = new ExpressionAdapter() {
        @Override
        public Object evaluate(Exchange exchange) {
            return exchange.getIn().getBody(Document.class).pages();
        }
    };

    /**
     * What the pages of a document being read share, from the split to the aggregation: the
     * document as ingested, its reading, and when its OCR began.
     */
    record DocumentUnderWay(Document document, DocumentReading reading, Instant ocrStarted) {

        DocumentUnderWay {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(reading, "reading");
            Objects.requireNonNull(ocrStarted, "ocrStarted");
        }
    }

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
    public ArchiveRoutes(String sourceUri, InputSource source, int workers, DocumentStages stages, RunReport report,
                  ExecutorService ocrPool, boolean readsPagesHere) {
        this.sourceUri = sourceUri;
        this.source = source;
        this.workers = workers;
        this.stages = stages;
        this.report = report;
        this.ocrPool = ocrPool;
        this.readsPagesHere = readsPagesHere;
    }

    /** The document whose pages are being read, with what they share; set for each page's exchange. */
    static DocumentUnderWay underWay(Exchange exchange) {
        return exchange.getProperty(UNDER_WAY, DocumentUnderWay.class);
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
            intake.process(exchange -> body(exchange, ScanSets.setOf(exchange.getIn().getBody(File.class).toPath())));
        }
        intake.to(PROCESS);

        from(PROCESS).routeId("process-input")
                .process(exchange -> exchange.setProperty(INPUT, exchange.getIn().getBody(ScanSet.class)))
                .doTry()
                    .process(exchange -> exchange.setProperty(ADMISSION, stages.admit(input(exchange))))
                    .choice()
                        .when(exchange -> admission(exchange).isDuplicate())
                            .process(exchange -> body(exchange, stages.duplicate(admission(exchange))))
                        .otherwise()
                            .to(MAKE_DOCUMENT)
                    .end()
                .endDoTry()
                .doCatch(Exception.class)
                    .process(exchange -> body(exchange, stages.failed(input(exchange), admission(exchange),
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class), source)))
                .end()
                // Recorded durably first; only then may the input leave the inbox (and the journal).
                .process(exchange -> body(exchange, stages.record(input(exchange), outcome(exchange), report)))
                .process(exchange -> stages.finish(input(exchange), outcome(exchange), source));

        from(MAKE_DOCUMENT).routeId("make-document")
                .process(exchange -> {
                    Document document = stages.ingest(admission(exchange));
                    exchange.setProperty(UNDER_WAY, new DocumentUnderWay(document, stages.reading(document), Instant.now()));
                    body(exchange, document);
                })
                .split(PAGES, new PageAggregation())
                    .parallelProcessing().executorService(ocrPool).stopOnException()
                    .to(READ_PAGE)
                .end()
                .process(exchange -> body(exchange, stages.recognized(document(exchange), underWay(exchange).document(),
                        underWay(exchange).ocrStarted())))
                .process(exchange -> body(exchange, stages.annotate(document(exchange))))
                .process(exchange -> body(exchange, stages.store(document(exchange), admission(exchange))));

        if (readsPagesHere) {
            from(READ_PAGE).routeId("read-page")
                    .process(exchange -> body(exchange, stages.recognize(exchange.getIn().getBody(Page.class),
                            underWay(exchange).reading())));
        }
    }

    private static ScanSet input(Exchange exchange) {
        return exchange.getProperty(INPUT, ScanSet.class);
    }

    /** Null until the input is admitted, and when its admission failed. */
    private static Admission admission(Exchange exchange) {
        return exchange.getProperty(ADMISSION, Admission.class);
    }

    private static Document document(Exchange exchange) {
        return exchange.getIn().getBody(Document.class);
    }

    private static InputOutcome outcome(Exchange exchange) {
        return exchange.getIn().getBody(InputOutcome.class);
    }

    private static void body(Exchange exchange, Object body) {
        exchange.getIn().setBody(body);
    }
}
