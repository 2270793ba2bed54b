package org.workersarchive.review.web;

import java.util.concurrent.atomic.AtomicReference;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.review.ReviewConfig;
import org.workersarchive.review.archive.ArchiveCatalog;
import org.workersarchive.review.archive.DocumentStates;
import org.workersarchive.review.authority.Authority;
import org.workersarchive.review.correct.DocumentCorrector;
import org.workersarchive.review.iiif.PageImages;
import org.workersarchive.review.search.SearchIndex;

/**
 * What the web layer calls: the plain classes that read, search, render and correct the archive.
 * The handlers only translate between HTTP and these.
 *
 * @param authority the authority list now, with the corrector that writes with it; replaced when
 *                  the list grows
 */
record Services(ReviewConfig config, ArchiveLayout archive, DocumentStates states, ArchiveCatalog catalog,
                SearchIndex index, PageImages images, Sessions sessions, AtomicReference<ReviewWeb.Current> authority) {

    Authority list() {
        return authority.get().authority();
    }

    DocumentCorrector corrector() {
        return authority.get().corrector();
    }
}
