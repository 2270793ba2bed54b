package org.workersarchive.pipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Folders;
import org.workersarchive.pipeline.InputCollector;
import org.workersarchive.pipeline.EngineMemory;
import org.workersarchive.pipeline.PipelineConfig;
import org.workersarchive.review.report.RunReportPage;
import org.workersarchive.samples.Evaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Processes the bundled sample scans (samples/bundled/scans) into ./demo-archive,",
                "prints where the TEI is, and measures the result against the samples' ground truth.",
                "The demo archive is made afresh on every run."},
        footer = {"", "Example:", "  ./archive demo"})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--archive", paramLabel = "DIR", defaultValue = "demo-archive",
            description = "Where the demo archive is made (default: ${DEFAULT-VALUE}).")
    Path archive;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "The sample set (default: samples/bundled under the installation).")
    Path samples;

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path sampleSet = samples != null ? samples
                : Path.of(System.getProperty("archive.home", ".")).resolve("samples/bundled");
        if (!Files.isDirectory(sampleSet.resolve("scans"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no sample scans in " + sampleSet.resolve("scans"));
        }
        removeEarlierDemo(archive);
        PipelineConfig config = EngineMemory.capped(options.load(archive), System.out);
        int status = BatchCommand.run(InputCollector.collect(List.of(sampleSet.resolve("scans"))), config, false);
        System.out.println();
        System.out.println("TEI documents:");
        Path documents = config.archive().documents();
        if (Files.isDirectory(documents)) {
            try (Stream<Path> teis = Files.list(documents)) {
                teis.sorted().forEach(folder -> System.out.println("  " + new DocumentFolder(folder).tei()));
            }
        }
        System.out.println();
        System.out.println(new Evaluator().evaluate(config.archiveDir(), sampleSet.resolve("truth")).format());
        printRunReport(config.archive());
        return status;
    }

    /** Where the run's report.html is, to open in a browser (and ./archive serve, to correct what it points at). */
    private static void printRunReport(ArchiveLayout archive) throws IOException {
        try (Stream<Path> runs = Files.list(archive.runs())) {
            runs.map(run -> run.resolve(RunReportPage.FILE)).filter(Files::isRegularFile).max(Path::compareTo)
                    .ifPresent(page -> System.out.println("Run report (open it in a browser): " + page.toAbsolutePath()
                            + System.lineSeparator() + "See and correct the documents: ./archive serve --archive "
                            + archive.root()));
        }
    }

    /** Only a folder that is a demo archive is removed: it must hold nothing but what a run writes. */
    private void removeEarlierDemo(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        List<String> runOutputs = ArchiveLayout.runOutputs();
        try (Stream<Path> entries = Files.list(folder)) {
            if (!entries.allMatch(p -> runOutputs.contains(p.getFileName().toString()))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        folder + " exists and is not a demo archive; choose another --archive");
            }
        }
        Folders.deleteTree(folder);
    }
}
