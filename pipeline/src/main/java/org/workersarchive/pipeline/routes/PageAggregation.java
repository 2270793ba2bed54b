package org.workersarchive.pipeline.routes;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.workersarchive.core.Document;
import org.workersarchive.core.Page;

/**
 * Puts the pages read in parallel back into their document, each at its own number, whatever
 * order they finish in. Camel calls it for one document at a time.
 */
final class PageAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange soFar, Exchange next) {
        Exchange result = soFar == null ? next : soFar;
        Document document = soFar == null
                ? ArchiveRoutes.underWay(next).document()
                : soFar.getIn().getBody(Document.class);
        result.getIn().setBody(document.withPage(next.getIn().getBody(Page.class)));
        return result;
    }
}
