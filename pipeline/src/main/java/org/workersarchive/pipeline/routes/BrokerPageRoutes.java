package org.workersarchive.pipeline.routes;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.builder.RouteBuilder;
import org.workersarchive.core.Page;
import org.workersarchive.pipeline.broker.BrokerPages;
import org.workersarchive.pipeline.broker.BrokerQueues;

/**
 * Reads pages on workers instead of here: {@link ArchiveRoutes#READ_PAGE} sends each page to the
 * durable queue the workers compete for, and waits for its answer on this node's own durable reply
 * queue (request-reply, correlated by message id), at most as long as every delivery of the page
 * could take. The rest of the document's way (split, aggregation, annotation, store) is
 * {@link ArchiveRoutes}'s, the same as on one machine.
 */
public final class BrokerPageRoutes extends RouteBuilder {

    private static final String PAGE = "archivePage";

    private final BrokerPages pages;
    private final String replyQueue;
    private final Duration wait;

    public BrokerPageRoutes(BrokerPages pages, String replyQueue, Duration wait) {
        this.pages = pages;
        this.replyQueue = replyQueue;
        this.wait = wait;
    }

    @Override
    public void configure() {
        // Exclusive: this node alone consumes its reply queue, so answers need no selector. The wait
        // is also the page message's time to live: a page nobody waits for any more is not read.
        String send = BrokerQueues.COMPONENT + ":queue:" + BrokerQueues.PAGES + "?exchangePattern=InOut"
                + "&replyTo=" + replyQueue + "&replyToType=Exclusive&requestTimeout=" + wait.toMillis()
                + "&jmsMessageType=Text";

        from(ArchiveRoutes.READ_PAGE).routeId("send-page")
                .process(exchange -> {
                    Page page = exchange.getIn().getBody(Page.class);
                    exchange.setProperty(PAGE, page);
                    exchange.getIn().setBody(pages.request(page, ArchiveRoutes.underWay(exchange).reading()));
                    exchange.getIn().setHeader(BrokerQueues.MODELS_HEADER, pages.models());
                })
                .doTry()
                    .to(send)
                .doCatch(ExchangeTimedOutException.class)
                    .process(exchange -> pages.unanswered(asked(exchange)))
                .end()
                .process(exchange -> exchange.getIn().setBody(pages.answer(exchange.getIn().getBody(String.class),
                        asked(exchange), ArchiveRoutes.underWay(exchange).reading())));
    }

    private static Page asked(Exchange exchange) {
        return exchange.getProperty(PAGE, Page.class);
    }
}
