package org.workersarchive.pipeline;

import java.util.Optional;

/**
 * Whether a failure is the broker's: the ingest node could not reach it (down, restarting, the
 * network gone), so the page was never sent or never answered. That is no fault of the input,
 * which is put off as for a full disk, not failed.
 */
final class BrokerOutage {

    /** Where the JMS client, Spring's JMS support and Artemis's client throw from. */
    private static final String[] BROKER_PACKAGES = {"jakarta.jms.", "javax.jms.", "org.springframework.jms.",
            "org.apache.activemq.artemis."};

    private BrokerOutage() {
    }

    /** What the broker's client said, when the failure is the broker's; empty when it is not. */
    static Optional<String> problemIn(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            String type = t.getClass().getName();
            for (String brokerPackage : BROKER_PACKAGES) {
                if (type.startsWith(brokerPackage)) {
                    return Optional.of(innermostMessage(t));
                }
            }
        }
        return Optional.empty();
    }

    private static String innermostMessage(Throwable t) {
        String message = t.getMessage();
        for (Throwable cause = t.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
