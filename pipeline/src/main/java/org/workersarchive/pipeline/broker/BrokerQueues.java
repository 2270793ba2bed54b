package org.workersarchive.pipeline.broker;

import jakarta.jms.ConnectionFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.workersarchive.core.Fixity;
import org.workersarchive.ocr.OcrEngines;

/**
 * The queues pages travel on between an ingest node and its workers, and the Camel component that
 * reaches them. One broker serves one archive: every ingest node sends its pages to
 * {@link #PAGES}, and gets them back on a durable reply queue of its own.
 */
public final class BrokerQueues {

    /** Pages to read, as {@code EngineMessages.PageRequest} JSON; the workers compete for them. */
    public static final String PAGES = "archive.pages";
    /** The Camel component's name in the registry. */
    public static final String COMPONENT = "broker";
    /** The header of a page request that says what the ingest node reads with ({@link #readWith}). */
    public static final String MODELS_HEADER = "archiveModels";

    private BrokerQueues() {
    }

    /**
     * What reads the pages, as the ingest node and each worker compare it: the Tesseract version
     * and each model's name and checksum ("Tesseract 5.3.0 with fra 3f2a9c01b7e4, …").
     */
    public static String readWith(OcrEngines engines) {
        return "Tesseract " + engines.tesseractVersion() + " with " + engines.describe().get("models");
    }

    /**
     * The reply queue of the ingest node working on this archive from this machine: the same name
     * after a restart, so that answers to a run that was stopped are drained, not left behind.
     */
    public static String repliesOf(Path archiveDir) {
        String archive = Fixity.sha256(archiveDir.toString()).substring(0, 12);
        return "archive.replies." + hostName() + "." + archive;
    }

    /**
     * The JMS component on the broker at the URL.
     *
     * @param consumers how many messages this process takes at once; sessions are kept for as many
     */
    public static JmsComponent component(String brokerUrl, int consumers) {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(brokerUrl);
        // A page takes a second or more: a worker must not hold pages in a buffer that another
        // worker could be reading (Artemis's advice for slow consumers).
        artemis.setConsumerWindowSize(0);
        CachingConnectionFactory cached = new CachingConnectionFactory(artemis);
        cached.setSessionCacheSize(Math.max(1, consumers));
        return JmsComponent.jmsComponent((ConnectionFactory) cached);
    }

    /** {@code host pid N}: names the process that read a page, in its provenance. */
    public static String thisProcess() {
        return hostName() + " pid " + ProcessHandle.current().pid();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
