package org.workersarchive.pipeline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import io.javalin.util.JavalinBindException;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.pipeline.PipelineConfig;
import org.workersarchive.pipeline.PipelineConfigLoader;
import org.workersarchive.review.ReviewConfig;
import org.workersarchive.review.ReviewServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the archive in a browser: the documents listed, sorted and filtered; full-text search "
                + "over the texts and the names; each page's image (deep zoom) beside its text, lines and words boxed, "
                + "doubtful words and names coloured; corrections of words, lines and names, each saved as a new version "
                + "kept as a hand correction is (versions/RUN/, the TEI's revision history naming who and when); "
                + "IIIF images (Image API 3, level 1) and manifests for Mirador or TEI Publisher.",
                "It listens on 127.0.0.1 only unless --host says otherwise, which needs --password-file.",
                "It answers only requests that name it: its address (on loopback also localhost) with its port, "
                        + "--host when it is a name, or the host of archive.iiif-base-url (--config); others get 421 "
                        + "(a page of another site that makes its name lead here). Wrong passwords are refused for a "
                        + "while (429) after five from one address, or a hundred from all.",
                "Ctrl-C (or SIGTERM) stops it."},
        footer = {"", "Examples:",
                "  ./archive serve --archive demo-archive            (then open http://127.0.0.1:8080/)",
                "  ./archive serve --archive ~/archive --read-only --port 9000",
                "  ./archive serve --archive ~/archive --host 0.0.0.0 --password-file ~/.archive-password"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive folder.")
    Path archive;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the password people log in with (with their name); "
                    + "needed to listen on any address but loopback.")
    Path passwordFile;

    @Option(names = "--read-only", description = "Show the archive, never write to it: no corrections.")
    boolean readOnly;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Keep the search index in this folder between starts (default: in memory, built at start).")
    Path index;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The properties file the archive's runs use (archive.uncertain-below, archive.word-zones, "
                    + "archive.iiif-base-url), so that corrected versions are written as the runs write; the host of "
                    + "archive.iiif-base-url is also a name the server answers to (behind a reverse proxy).")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ArchiveFolders.requireArchive(spec, archive);
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port
                    + " is not a TCP port: give one from 1 to 65535 (or 0 for any free one)");
        }
        PipelineConfigLoader loader = new PipelineConfigLoader();
        if (configFile != null) {
            loader.withFile(configFile);
        }
        PipelineConfig pipeline = loader.load(archive);
        ReviewConfig config = new ReviewConfig(archive, host, port, readOnly, password(), pipeline.tei(),
                pipeline.iiif(), index, pipeline.nameModels());
        CountDownLatch stopped = new CountDownLatch(1);
        try (ReviewServer server = started(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    System.err.println("archive: the server did not stop cleanly: " + e.getMessage());
                } finally {
                    stopped.countDown();
                }
            }, "archive-serve-stop"));
            String address = host.contains(":") ? "[" + host + "]" : host;
            System.out.println("Serving " + config.archiveDir() + " on http://" + address + ":" + server.port() + "/"
                    + (readOnly ? " (read-only)" : ""));
            System.out.println(config.loopbackOnly() ? "Only this machine can reach it (loopback)."
                    : "Other machines can reach it: everyone logs in with their name and the password of "
                    + passwordFile + ".");
            System.out.println("Ctrl-C stops it.");
            stopped.await();
        }
        return 0;
    }

    /** The server, started; a port another program listens on is said in one line, with the fix. */
    private ReviewServer started(ReviewConfig config) throws IOException {
        try {
            return ReviewServer.start(config);
        } catch (JavalinBindException inUse) {
            throw new CommandLine.ParameterException(spec.commandLine(), "port " + port + " on " + host
                    + " is in use (another server listens there): give another --port, or stop that server");
        }
    }

    private String password() throws IOException {
        if (passwordFile == null) {
            return null;
        }
        if (!Files.isRegularFile(passwordFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--password-file " + passwordFile
                    + (Files.exists(passwordFile) ? " is a folder" : " does not exist")
                    + ": give a file whose first line is the password (8 characters or more)");
        }
        String line = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), passwordFile + " holds no password on its "
                    + "first line: write the password there (8 characters or more)");
        }
        return line;
    }
}
