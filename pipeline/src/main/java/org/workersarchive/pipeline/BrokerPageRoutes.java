package org.workersarchive.pipeline;

import java.time.Duration;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.builder.RouteBuilder;

/**
 * Reads pages on workers instead of here: {@link ArchiveRoutes#READ_PAGE} sends each page to the
 * durable queue the workers compete for, and waits for its answer on this node's own durable reply
 * queue (request-reply, correlated by message id), at most as long as every delivery of the page
 * could take. The rest of the document's way (split, aggregation, annotation, store) is
 * {@link ArchiveRoutes}'s, the same as on one machine.
 */
final class BrokerPageRoutes extends RouteBuilder {

    private static final String PAGE = "archivePage";

    private final BrokerPages pages;
    private final String replyQueue;
    private final Duration wait;

    BrokerPageRoutes(BrokerPages pages, String replyQueue, Duration wait) {
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
                .setProperty(PAGE, body())
                .bean(pages, "request(${body}, ${exchangeProperty." + ArchiveRoutes.READING + "})")
                .setHeader(BrokerQueues.MODELS_HEADER, method(pages, "models"))
                .doTry()
                    .to(send)
                .doCatch(ExchangeTimedOutException.class)
                    .bean(pages, "unanswered(${exchangeProperty." + PAGE + "})")
                .end()
                .bean(pages, "answer(${body}, ${exchangeProperty." + PAGE + "}, ${exchangeProperty."
                        + ArchiveRoutes.READING + "})");
    }
}
