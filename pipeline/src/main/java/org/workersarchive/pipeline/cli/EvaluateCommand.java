package org.workersarchive.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.workersarchive.samples.EvaluationReport;
import org.workersarchive.samples.Evaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Compares an archive with ground truth: CER and WER per document and overall,",
                "and entity precision, recall and F1 per type (read from the TEI, as scholars get it).",
                "The truth folder holds one JSON file per scan, as samples/bundled/truth does."},
        footer = {"", "Example:", "  ./archive evaluate --archive demo-archive --truth samples/bundled/truth"})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive folder.")
    Path archive;

    @Option(names = "--truth", required = true, paramLabel = "DIR", description = "The ground-truth folder.")
    Path truth;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (Path folder : new Path[] {archive, truth}) {
            if (!Files.isDirectory(folder)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not a folder: " + folder);
            }
        }
        EvaluationReport report = new Evaluator().evaluate(archive, truth);
        System.out.println(report.format());
        return 0;
    }
}
