package org.workersarchive.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.review.training.GroundTruth;
import org.workersarchive.review.training.GroundTruthLine;
import org.workersarchive.review.training.TrainingExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export-training", mixinStandardHelpOptions = true,
        description = {"Writes the archive's own ground truth for Tesseract's tesstrain: every line people corrected",
                "(in the review server, or in PAGE or ALTO files imported) and every line of a page they checked",
                "whole, as a line image NAME.png cut from its page image and its text NAME.gt.txt."},
        footer = {"", "Example:", "  ./archive export-training --archive ~/archive --out ~/tesstrain/data/archive-ground-truth"})
final class ExportTrainingCommand implements Callable<Integer> {

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive folder.")
    Path archive;

    @Option(names = "--out", required = true, paramLabel = "DIR2", description = "Where the line files go.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(new ArchiveLayout(archive).documents())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not an archive (no documents/): " + archive);
        }
        List<GroundTruthLine> lines = new GroundTruth(new ArchiveLayout(archive)).lines();
        int written = new TrainingExport().write(lines, out);
        long corrected = lines.stream().filter(GroundTruthLine::corrected).count();
        System.out.println(written + " line(s) written to " + out + " (" + corrected + " corrected, "
                + (written - corrected) + " confirmed on pages checked whole)");
        if (written == 0) {
            System.out.println("No line has been corrected or checked yet: correct them with ./archive serve.");
        }
        return 0;
    }
}
