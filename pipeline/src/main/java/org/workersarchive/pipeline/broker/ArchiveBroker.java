package org.workersarchive.pipeline.broker;

import java.nio.file.Path;
import java.util.Objects;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An Apache ActiveMQ Artemis broker in this process, for those who have none: a persistent journal
 * in a folder of its own, so that pages queued survive a restart of the broker; one plain TCP
 * acceptor for Artemis's own protocol, bound to the host given; no security (bind it to loopback,
 * or to a trusted network only). Queues are made on first use and never send a message to a
 * dead-letter queue: how often a page may be tried is the pipeline's own bound
 * ({@code archive.page-deliveries}), the same on any broker.
 */
public final class ArchiveBroker implements AutoCloseable {

    private final EmbeddedActiveMQ server;
    private final String url;

    private ArchiveBroker(EmbeddedActiveMQ server, String url) {
        this.server = server;
        this.url = url;
    }

    /**
     * Starts the broker; returns once it accepts connections.
     *
     * @param dataDir where the journal is kept (made if missing)
     * @param host    the interface to listen on, e.g. 127.0.0.1
     */
    public static ArchiveBroker start(Path dataDir, String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        String url = "tcp://" + host + ":" + port;
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration(dataDir, url));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalArgumentException("the broker cannot start on " + url + " with its journal in " + dataDir
                    + ": " + e.getMessage(), e);
        }
        if (!server.getActiveMQServer().isActive()) {
            throw new IllegalArgumentException("the broker did not start on " + url + " (is the port taken?)");
        }
        return new ArchiveBroker(server, url);
    }

    /** What to give {@code watch --broker} and {@code worker --broker}. */
    public String url() {
        return url;
    }

    private static Configuration configuration(Path dataDir, String url) {
        Path data = dataDir.toAbsolutePath().normalize();
        Configuration config = new ConfigurationImpl()
                .setName("archive-broker")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                // NIO needs no native library (AIO would need libaio on every machine).
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString());
        try {
            config.addAcceptorConfiguration("archive", url + "?protocols=CORE");
        } catch (Exception e) {
            throw new IllegalArgumentException("not a broker address: " + url + ": " + e.getMessage(), e);
        }
        config.addAddressSetting("#", new AddressSettings()
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                // -1: never to a dead-letter queue; the workers bound the deliveries of a page themselves.
                .setMaxDeliveryAttempts(-1));
        return config;
    }

    /** Stops the broker; messages queued stay in the journal for the next start. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
