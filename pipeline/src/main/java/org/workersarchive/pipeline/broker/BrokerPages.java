package org.workersarchive.pipeline.broker;

import java.nio.file.Path;
import java.time.Duration;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.ocr.DocumentReading;
import org.workersarchive.ocr.EngineMessages;
import org.workersarchive.ocr.EngineMessages.PageAnswer;
import org.workersarchive.ocr.EngineMessages.PageRequest;

/**
 * The ingest node's side of reading pages on workers: a page to a request message, the answer back
 * to a page. The messages are the engine processes' own ({@link EngineMessages}), with the image's
 * path relative to the archive. Knows nothing of Camel or JMS. Thread-safe.
 */
public final class BrokerPages {

    private final Path archiveDir;
    private final Duration wait;
    private final String brokerUrl;
    private final String models;

    /**
     * @param wait   how long a page may go unanswered before its document fails
     * @param models the Tesseract version and models this node's TEI credits ({@link BrokerQueues#readWith}):
     *               a worker that reads with others refuses the page
     */
    public BrokerPages(Path archiveDir, Duration wait, String brokerUrl, String models) {
        this.archiveDir = archiveDir;
        this.wait = wait;
        this.brokerUrl = brokerUrl;
        this.models = models;
    }

    /** What every page must be read with, sent with each request. */
    public String models() {
        return models;
    }

    /**
     * The request for one page of the document, with the models its sidecar forces and what its
     * pages read so far say of it.
     */
    public String request(Page page, DocumentReading reading) {
        return EngineMessages.write(new PageRequest(ArchivePaths.travelling(page, archiveDir),
                reading.forcedModels(), reading.hint()));
    }

    /**
     * The page a worker read, its image in this machine's archive; the document's reading learns
     * from it as from a page read here.
     *
     * @throws RejectedInputException when the worker could not read it, with its reason
     */
    public Page answer(String answer, Page asked, DocumentReading reading) {
        Page read = EngineMessages.read(answer, PageAnswer.class).pageOrThrow(asked.number());
        if (read.number() != asked.number()) {
            throw new IllegalStateException("asked for page " + asked.number() + ", got page " + read.number());
        }
        Page here = ArchivePaths.arrived(read, archiveDir);
        reading.learn(here);
        return here;
    }

    /** Fails a page that no worker answered in time. */
    public Page unanswered(Page asked) {
        throw new RejectedInputException("no worker answered for page " + asked.number() + " within "
                + wait.toSeconds() + " s: is any worker running and connected to the broker " + brokerUrl + "?");
    }
}
