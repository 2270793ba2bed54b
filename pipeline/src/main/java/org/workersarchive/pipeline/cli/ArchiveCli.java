package org.workersarchive.pipeline.cli;

import org.workersarchive.core.FileNames;
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
        warnOfFileNameEncoding();
        NativeDigests.install();
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line; exit codes: 0 all done, 1 some inputs failed, 2 bad usage (said in
     * one line), 3 some inputs deferred. Help is as wide as the terminal.
     */
    public static CommandLine commandLine() {
        return HelpLayout.apply(new CommandLine(new ArchiveCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true)
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionExceptionHandler(ArchiveCli::settingError));
    }

    /**
     * Java reads file names in the encoding of the locale it starts in, and only there (a -D option
     * does not change it): under LANG=C a Cyrillic name cannot even be named. The launcher starts it
     * in a UTF-8 locale; started otherwise, it says so once.
     */
    private static void warnOfFileNameEncoding() {
        String encoding = System.getProperty("sun.jnu.encoding", "");
        if (!encoding.equalsIgnoreCase("UTF-8")) {
            System.err.println("archive: file names are read as " + encoding + ", not UTF-8 (the locale is not a "
                    + "UTF-8 one): names with other letters cannot be read; start it with LC_ALL=C.UTF-8, as ./archive does");
        }
    }

    /** The names of the command's subcommands, as they are registered: every command, whoever adds one. */
    static String commandNames(CommandLine.Model.CommandSpec spec) {
        return String.join(", ", spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList());
    }

    /**
     * A setting that cannot be used (a missing Tesseract model, a broken authority list, an
     * unreadable config file), or an archive another run holds or whose lock cannot be made, is
     * said in one line, as bad usage; anything else is a fault and shows its stack trace.
     */
    private static int settingError(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalArgumentException || e instanceof ArchiveBusyException) {
            // One line even when the message quotes a parser's own, which may run over several.
            command.getErr().println("archive: " + FileNames.printable(String.valueOf(e.getMessage()).strip()
                    .replaceAll("\\s*\\R\\s*", " ")));
            return CommandLine.ExitCode.USAGE;
        }
        throw e;
    }

    /** No command given: the help, which lists every command, then what is missing. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed, one of: "
                + commandNames(spec));
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
