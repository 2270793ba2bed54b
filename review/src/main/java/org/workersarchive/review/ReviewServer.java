package org.workersarchive.review;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.export.ArchiveWriter;
import org.workersarchive.review.archive.ArchiveCatalog;
import org.workersarchive.review.archive.DocumentStates;
import org.workersarchive.review.authority.Authority;
import org.workersarchive.review.correct.CorrectionApplier;
import org.workersarchive.review.correct.DocumentCorrector;
import org.workersarchive.review.iiif.PageImages;
import org.workersarchive.review.iiif.RenderBudget;
import org.workersarchive.review.search.SearchIndex;
import org.workersarchive.review.web.ReviewWeb;

/**
 * The review server ({@code ./archive serve}): the archive listed, searched, seen page by page
 * beside its images, and corrected, over HTTP. Javalin on Jetty serves it; the work is done by the
 * plain classes of this module. Reads the archive's documents and builds its search index before it
 * answers, then looks for changed documents every {@value #REFRESH_SECONDS} seconds.
 */
public final class ReviewServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewServer.class);
    static final int REFRESH_SECONDS = 10;

    private final Javalin web;
    private final SearchIndex index;
    private final ScheduledExecutorService refresher;
    /** Closed once: by the command's shutdown hook or its end, whichever comes first. */
    private final AtomicBoolean closed = new AtomicBoolean();

    private ReviewServer(Javalin web, SearchIndex index, ScheduledExecutorService refresher) {
        this.web = web;
        this.index = index;
        this.refresher = refresher;
    }

    /**
     * Reads the archive, indexes it, and starts listening.
     *
     * @throws IllegalArgumentException when the folder is not an archive
     */
    public static ReviewServer start(ReviewConfig config) throws IOException {
        ArchiveLayout archive = config.archive();
        if (!Files.isDirectory(archive.documents())) {
            throw new IllegalArgumentException("not an archive (no documents/ folder): " + config.archiveDir());
        }
        ArchiveWriter reading = new ArchiveWriter(archive, config.tei(), Authority.of(archive).entries(), config.iiif());
        DocumentStates states = new DocumentStates(archive, reading);
        SearchIndex index = config.indexDir() == null || config.readOnly() ? SearchIndex.inMemory()
                : SearchIndex.inFolder(config.indexDir());
        try {
            ArchiveCatalog catalog = new ArchiveCatalog(archive, states, config.tei().uncertainBelow(), index);
            ArchiveCatalog.Refresh first = catalog.refresh();
            LOG.info("{} documents read and indexed ({} unreadable)", first.documents(), first.unreadable().size());
            AtomicReference<ReviewWeb.Current> current = new AtomicReference<>(current(config, states));
            Javalin web = ReviewWeb.create(config, states, catalog, index, new PageImages(RenderBudget.forThisProcess()), current,
                    () -> current(config, states)).start(config.host(), config.port());
            ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "archive-refresh");
                thread.setDaemon(true);
                return thread;
            });
            refresher.scheduleWithFixedDelay(() -> refresh(catalog), REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
            return new ReviewServer(web, index, refresher);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** The authority list as the archive has it now, and a corrector that writes with it. */
    private static ReviewWeb.Current current(ReviewConfig config, DocumentStates states) {
        Authority authority = Authority.of(config.archive());
        ArchiveWriter writer = new ArchiveWriter(config.archive(), config.tei(), authority.entries(), config.iiif());
        return new ReviewWeb.Current(authority, new DocumentCorrector(config.archive(), states, writer,
                new CorrectionApplier(authority.list(), config.nameModels())));
    }

    private static void refresh(ArchiveCatalog catalog) {
        try {
            catalog.refresh();
        } catch (IOException | RuntimeException e) {
            LOG.warn("the archive could not be read again: {}", e.getMessage());
        }
    }

    /** The port it listens on (the one given, or the one found free for port 0). */
    public int port() {
        return web.port();
    }

    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        refresher.shutdownNow();
        web.stop();
        index.close();
    }
}
