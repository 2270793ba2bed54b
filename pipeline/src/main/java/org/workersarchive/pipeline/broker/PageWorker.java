package org.workersarchive.pipeline.broker;

import java.io.PrintStream;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.ocr.EngineMessages;
import org.workersarchive.ocr.EngineMessages.PageAnswer;
import org.workersarchive.ocr.EngineMessages.PageRequest;
import org.workersarchive.ocr.NativeCpuTime;
import org.workersarchive.ocr.OcrEngines;

/**
 * A worker's OCR step: one page request in, its answer out, read by this machine's engine
 * processes (which already turn a crash or a timeout into a rejection with its reason). A page
 * given to workers more often than the bound allows, each of which stopped before it answered
 * (killed, crashed, the machine lost), is not tried again: its answer says so, and its document
 * fails with that reason. Knows nothing of Camel or JMS. Thread-safe.
 */
public final class PageWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PageWorker.class);

    private final Path archiveDir;
    private final OcrEngines engines;
    private final int deliveries;
    private final String reader;
    private final PrintStream progress;
    /** What this worker reads with ({@link BrokerQueues#readWith}), to compare with what each page asks. */
    private final String models;

    /**
     * @param archiveDir the archive folder as this machine mounts it
     * @param deliveries how many workers may stop while reading one page
     * @param reader     this process, as each page it reads records it
     * @param progress   where a line is printed as each page is taken and as it is answered
     */
    public PageWorker(Path archiveDir, OcrEngines engines, int deliveries, String reader, PrintStream progress) {
        this.archiveDir = archiveDir;
        this.engines = engines;
        this.deliveries = deliveries;
        this.reader = reader;
        this.progress = progress;
        this.models = BrokerQueues.readWith(engines);
    }

    /**
     * Reads the requested page; every outcome is an answer, so that the request is done with.
     *
     * @param delivery    how many times the broker has given this request to a worker, this time included
     * @param askedModels the Tesseract version and models the ingest node reads with
     *                    ({@link BrokerQueues#readWith}); null when it did not say
     */
    public String read(String request, int delivery, String askedModels) {
        PageRequest asked = EngineMessages.read(request, PageRequest.class);
        Page page = asked.page();
        String image = page.image().path().toString();
        if (askedModels != null && !askedModels.equals(models)) {
            // The document's TEI credits the ingest node's models with every page: a page read with
            // other models would be credited wrongly. Refused at once, not given to another worker:
            // the archivist must see it, and the document can be retried once the models agree.
            LOG.warn("not reading page {} ({}): this worker reads with {}, the ingest node with {}", page.number(),
                    image, models, askedModels);
            return EngineMessages.write(PageAnswer.rejected("page " + page.number() + " was given to worker " + reader
                    + ", which reads with " + models + ", not the ingest node's " + askedModels
                    + ": install the same Tesseract and models (tessdata) on every machine", NativeCpuTime.ZERO));
        }
        if (delivery > deliveries) {
            LOG.warn("not reading page {} ({}) again: delivery {}, and {} workers stopped before finishing it",
                    page.number(), image, delivery, delivery - 1);
            return EngineMessages.write(PageAnswer.rejected("page " + page.number() + " was given to workers "
                    + (delivery - 1) + " times, and each stopped before finishing it (killed or crashed)",
                    NativeCpuTime.ZERO));
        }
        progress.printf("reading page %d (%s), delivery %d%n", page.number(), image, delivery);
        long started = System.nanoTime();
        PageAnswer answer = answer(asked);
        progress.printf("answered page %d (%s) in %d ms%s%n", page.number(), image,
                (System.nanoTime() - started) / 1_000_000, answer.page() != null ? "" : ": "
                        + (answer.rejection() != null ? answer.rejection() : answer.failure()));
        return EngineMessages.write(answer);
    }

    private PageAnswer answer(PageRequest asked) {
        try {
            Page here = ArchivePaths.arrived(asked.page(), archiveDir);
            if (!here.image().path().toFile().isFile()) {
                return PageAnswer.rejected("page " + here.number() + "'s image " + asked.page().image().path()
                        + " is not in the archive folder " + archiveDir + " as worker " + reader
                        + " sees it: is the shared folder mounted there?", NativeCpuTime.ZERO);
            }
            Page read = engines.recognize(here, asked.forcedModels(), asked.hint()).readBy(reader);
            // The CPU time stays this worker's: its engines read several pages at once, so no one
            // page's share is known here.
            return PageAnswer.read(ArchivePaths.travelling(read, archiveDir), NativeCpuTime.ZERO);
        } catch (RejectedInputException rejected) {
            return PageAnswer.rejected(rejected.reason(), NativeCpuTime.ZERO);
        } catch (IllegalStateException failed) {
            if (Thread.currentThread().isInterrupted()) {
                // The worker is stopping: no answer, so that the page goes back to the queue.
                throw failed;
            }
            return PageAnswer.failed(failed.getMessage());
        }
    }
}
