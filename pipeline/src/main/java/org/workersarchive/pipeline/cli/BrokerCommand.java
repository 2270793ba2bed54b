package org.workersarchive.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.workersarchive.pipeline.broker.ArchiveBroker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Runs an Apache ActiveMQ Artemis broker for watch --broker and worker --broker, "
                + "for those who have none (any Artemis works too). Pages queued are kept in its journal "
                + "(--data) and survive a restart. No security: it listens on loopback unless told "
                + "otherwise; on a network, bind it to a trusted interface only.",
                "Ctrl-C (or SIGTERM) stops it."},
        footer = {"", "Examples:", "  ./archive broker",
                "  ./archive broker --data /srv/archive-broker --host 10.0.0.5 --port 61616"})
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "broker-data",
            description = "Where the broker keeps its journal (default: ./broker-data).")
    Path data;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The interface to listen on (default: 127.0.0.1, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "61616",
            description = "The TCP port (default: 61616).")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port
                    + " is not a TCP port: give one from 1 to 65535");
        }
        if (Files.exists(data) && !Files.isDirectory(data)) {
            // Artemis would log two stack traces before saying "Not a directory".
            throw new CommandLine.ParameterException(spec.commandLine(), "--data " + data
                    + " is a file, not a folder: give the folder the broker keeps its journal in");
        }
        ArchiveBroker broker = ArchiveBroker.start(data, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the broker; queued pages stay in " + data.toAbsolutePath());
            try {
                broker.close();
            } finally {
                stopped.countDown();
            }
        }, "archive-broker-shutdown"));
        System.out.printf("Broker running, journal in %s. Give the others: --broker %s%n", data.toAbsolutePath(),
                broker.url());
        stopped.await();
        return 0;
    }
}
