package org.workersarchive.pipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.workersarchive.core.FileNames;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.ingest.ScanSets;
import org.workersarchive.pipeline.ArchivePipeline;
import org.workersarchive.pipeline.InputCollector;
import org.workersarchive.pipeline.EngineMemory;
import org.workersarchive.pipeline.FolderOverlap;
import org.workersarchive.pipeline.PipelineConfig;
import org.workersarchive.pipeline.report.PageProgressBar;
import org.workersarchive.pipeline.report.ProgressPrinter;
import org.workersarchive.pipeline.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Processes every scan under the inputs (PDF, TIFF, JPEG, PNG; folders recursively), "
                + "in parallel, into the archive. Inputs are only read: never moved or changed. "
                + "Writes ARCHIVE/runs/<time>-batch/report.json and prints a summary.",
                "An archive kept under an input folder is skipped; an input inside the archive is refused.",
                "Exit status: 0 all done (or duplicates), 1 some inputs failed, 2 bad usage (or the archive "
                + "held by another run), 3 some inputs deferred (the archive or the broker unavailable): run again."},
        footer = {"", "Examples:",
                "  ./archive batch ~/scans/box-12 --archive ~/archive",
                "  ./archive batch a.pdf b.tif --archive ~/archive --languages rus,eng --workers 2",
                "  ./archive batch ~/scans/box-12 --archive ~/archive --reprocess"})
final class BatchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Scan files or folders of scans.")
    List<Path> inputs;

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive folder.")
    Path archive;

    @Option(names = "--reprocess", description = {"Make documents again from scans the archive holds already "
            + "(after a better model or authority list). A document whose TEI was corrected by hand "
            + "is kept; the new output is stored beside it in versions/<run>/."})
    boolean reprocess;

    @Option(names = "--broker", paramLabel = "URL",
            description = {"Have the pages read by workers (./archive worker) over this Artemis broker, "
                    + "e.g. tcp://10.0.0.5:61616, instead of here. Workers must see the archive folder."})
    String broker;

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (Path input : inputs) {
            String overlap = FolderOverlap.problem("the input", input, archive, true);
            if (overlap != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), overlap);
            }
        }
        InputCollector.Collected collected;
        try {
            collected = InputCollector.collectAll(inputs, archive);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage()
                    + ": give scan files, or folders of scans, that exist");
        }
        for (Path skipped : collected.skipped()) {
            System.out.println("Skipped " + FileNames.printable(skipped.toString())
                    + ": it is the archive, whose own files are never taken as scans.");
        }
        PipelineConfig loaded = options.load(archive);
        // An ingest node starts no engines: its workers are pages out at once over the broker.
        PipelineConfig config = broker == null ? EngineMemory.capped(loaded, System.out) : loaded;
        return run(collected.files(), collected.unreadable(), config, "batch",
                report -> ArchivePipeline.forBatch(config, report, reprocess, broker));
    }

    /**
     * Runs a batch and prints its summary; returns the exit status.
     *
     * @param reprocess make documents again from scans the archive holds already
     */
    static int run(List<Path> files, PipelineConfig config, boolean reprocess) throws Exception {
        return run(files, config, "batch", report -> ArchivePipeline.forBatch(config, report, reprocess));
    }

    /**
     * Sends the files through a pipeline that the given factory starts, as sets, and prints the
     * summary; returns the exit status.
     *
     * @param command the run's name in its report folder
     */
    static int run(List<Path> files, PipelineConfig config, String command,
                   Function<RunReport, ArchivePipeline> pipelineForReport) throws Exception {
        return run(files, Map.of(), config, command, pipelineForReport);
    }

    /**
     * As {@link #run(List, PipelineConfig, String, Function)}, with what could not be read under the
     * inputs (a folder without permission), each recorded as a failed input.
     */
    static int run(List<Path> files, Map<Path, String> unreadable, PipelineConfig config, String command,
                   Function<RunReport, ArchivePipeline> pipelineForReport) throws Exception {
        if (files.isEmpty() && unreadable.isEmpty()) {
            System.out.println("No scans found (looked for " + ScanSets.SCAN_EXTENSIONS + ").");
            return 0;
        }
        List<ScanSet> sets = ScanSets.group(files);
        int inputs = sets.size() + unreadable.size();
        String taken = String.format("%d file(s) as %d document(s) into %s with %d worker(s), languages %s",
                files.size(), sets.size(), config.archiveDir(), config.workers(), config.ocr().languages());
        // On a terminal a bar by pages, drawn at once while the pipeline starts, and gone once the run
        // is over or could not start; elsewhere (a log, CI) plain lines: what the run does, once it
        // holds the archive (a refused run says only why), then a line a page read and an input done.
        PageProgressBar bar = System.console() == null ? null : new PageProgressBar(System.out, inputs);
        RunStart run;
        try {
            run = RunStart.start(config.archiveDir(), command,
                    bar != null ? bar : new ProgressPrinter(System.out, inputs, "Processing " + taken), report -> {
                        report.describedWith(config.iiif(), config.tei());
                        return pipelineForReport.apply(report);
                    });
        } catch (RuntimeException cannotStart) {
            closeQuietly(bar);
            throw cannotStart;
        }
        try (ArchivePipeline pipeline = run.pipeline()) {
            unreadable.forEach(pipeline::recordUnreadable);
            for (ScanSet set : sets) {
                pipeline.submit(set);
            }
            run.report().awaitOutcomes(inputs);
        } finally {
            closeQuietly(bar);
        }
        if (bar != null) {
            System.out.println("Processed " + taken);
        }
        return RunSummary.print(run.report(), System.out);
    }

    private static void closeQuietly(PageProgressBar bar) {
        if (bar != null) {
            bar.close();
        }
    }

}
