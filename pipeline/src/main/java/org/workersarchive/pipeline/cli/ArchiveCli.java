package org.workersarchive.pipeline.cli;

import org.workersarchive.core.NativeDigests;
import org.workersarchive.pipeline.archive.ArchiveBusyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code archive} command line: the launcher script {@code ./archive} runs this class. */
@Command(name = "archive", mixinStandardHelpOptions = true, versionProvider = ArchiveCli.Version.class,
        description = "Turns scanned pamphlets and periodicals into TEI P5 in an archive folder.",
        subcommands = {BatchCommand.class, WatchCommand.class, WorkerCommand.class, BrokerCommand.class,
                RetryCommand.class, ReportCommand.class, DemoCommand.class,
                EvaluateCommand.class, ValidateCommand.class, ExportCommand.class, ImportCommand.class, ServeCommand.class,
                ExportTrainingCommand.class, TrainNerCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  ./archive demo",
                "  ./archive batch ~/scans/box-12 --archive ~/archive",
                "  ./archive watch --inbox ~/inbox --archive ~/archive",
                "  ./archive broker          (then, on any machines that see the archive folder:)",
                "  ./archive watch --inbox ~/inbox --archive ~/archive --broker tcp://127.0.0.1:61616",
                "  ./archive worker --broker tcp://127.0.0.1:61616 --archive ~/archive",
                "  ./archive retry --archive ~/archive",
                "  ./archive report --archive ~/archive     (what became of every input ever seen)",
                "  ./archive evaluate --archive demo-archive --truth samples/bundled/truth",
                "  ./archive import --archive ~/archive ~/transkribus-export",
                "  ./archive serve --archive ~/archive           (then open http://127.0.0.1:8080/)",
                "  ./archive export-training --archive ~/archive --out ~/ground-truth",
                "  ./archive train-ner       (rebuilds the name models from ../shared/ground-truth/ner)",
                "  ./archive test            (the launcher runs the whole test suite)"})
public final class ArchiveCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        NativeDigests.install();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; exit codes: 0 all done, 1 some inputs failed, 2 bad usage. */
    public static CommandLine commandLine() {
        return new CommandLine(new ArchiveCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(ArchiveCli::settingError);
    }

    /**
     * A setting that cannot be used (a missing Tesseract model, a broken authority list, an
     * unreadable config file), or an archive another run holds or whose lock cannot be made, is
     * said in one line, as bad usage; anything else is a fault and shows its stack trace.
     */
    private static int settingError(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalArgumentException || e instanceof ArchiveBusyException) {
            command.getErr().println("archive: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        throw e;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: batch, watch, worker, broker, retry, report, demo or evaluate");
    }

    /** The pipeline's version, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ArchiveCli.class.getPackage().getImplementationVersion();
            return new String[] {"archive pipeline " + (version == null ? "(development build)" : version)};
        }
    }
}
