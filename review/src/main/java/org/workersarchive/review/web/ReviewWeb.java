package org.workersarchive.review.web;

import io.javalin.Javalin;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.workersarchive.review.ReviewConfig;
import org.workersarchive.review.archive.ArchiveCatalog;
import org.workersarchive.review.archive.DocumentStates;
import org.workersarchive.review.authority.Authority;
import org.workersarchive.review.correct.DocumentCorrector;
import org.workersarchive.review.iiif.PageImages;
import org.workersarchive.review.search.SearchIndex;

/** The web layer's one entry: a Javalin application over the review module's classes. */
public final class ReviewWeb {

    /** The authority list and the corrector made with it, replaced together when the list grows. */
    public record Current(Authority authority, DocumentCorrector corrector) {
    }

    private ReviewWeb() {
    }

    /** The application, not yet started. */
    public static Javalin create(ReviewConfig config, DocumentStates states, ArchiveCatalog catalog, SearchIndex index,
                                 PageImages images, AtomicReference<Current> current, Supplier<Current> reload) {
        Services services = new Services(config, config.archive(), states, catalog, index, images, new Sessions(),
                current);
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.maxRequestSize = 1_000_000;
            ReviewRoutes.install(javalin, services, reload);
        });
    }
}
