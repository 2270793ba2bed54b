package org.workersarchive.pipeline.routes;

import jakarta.jms.JMSException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsMessage;
import org.workersarchive.pipeline.broker.BrokerQueues;
import org.workersarchive.pipeline.broker.PageWorker;

/**
 * A worker: competing consumers on the page queue, one per local engine process. Each page is
 * taken, read and answered in one local JMS transaction: the answer is sent on the consumer's own
 * session, and both are committed only once the answer is sent; a worker killed mid-page commits
 * nothing, and the broker gives the page to another worker.
 */
public final class WorkerRoutes extends RouteBuilder {

    private final PageWorker worker;
    private final int consumers;

    public WorkerRoutes(PageWorker worker, int consumers) {
        this.worker = worker;
        this.consumers = consumers;
    }

    @Override
    public void configure() {
        // A failure here (the worker stopping mid-page) rolls the transaction back: the page is redelivered.
        errorHandler(noErrorHandler());

        // lazyCreateTransactionManager=false: Spring's listener then runs a locally transacted
        // session and exposes it to the reply's JmsTemplate, so take and answer commit together.
        from(BrokerQueues.COMPONENT + ":queue:" + BrokerQueues.PAGES + "?concurrentConsumers=" + consumers
                + "&maxConcurrentConsumers=" + consumers + "&transacted=true&lazyCreateTransactionManager=false"
                + "&cacheLevelName=CACHE_CONSUMER&jmsMessageType=Text")
                .routeId("worker-read-page")
                .process(exchange -> exchange.getIn().setBody(worker.read(exchange.getIn().getBody(String.class),
                        deliveryCount(exchange), exchange.getIn().getHeader(BrokerQueues.MODELS_HEADER, String.class))));
    }

    /** JMSXDeliveryCount, which JMS 2 brokers set: 1 the first time a message is given to a consumer. */
    private static int deliveryCount(Exchange exchange) {
        try {
            return exchange.getIn(JmsMessage.class).getJmsMessage().getIntProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            throw new IllegalStateException("the broker did not say how often it gave this page: " + e.getMessage(), e);
        }
    }
}
