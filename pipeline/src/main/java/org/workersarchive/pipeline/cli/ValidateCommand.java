package org.workersarchive.pipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.workersarchive.export.TeiValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validates TEI files (named, or every *.tei.xml under the folders given) with",
                "Jing: against the archive's own TEI customisation, exactly what the pipeline writes, or",
                "against any RELAX NG schema given with --schema (e.g. TEI's tei_all.rng). A hand-corrected",
                "TEI that strays from the archive's encoding is named with its line and the reason.",
                "Exit status: 0 all valid, 1 some invalid, 2 bad usage."},
        footer = {"", "Examples:", "  ./archive validate demo-archive",
                "  ./archive validate --schema ../shared/tei/tei_all.rng demo-archive/documents/*/document.tei.xml"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "TEI files or folders holding them.")
    List<Path> paths;

    @Option(names = "--schema", paramLabel = "RNG",
            description = "A RELAX NG schema (XML syntax) instead of the archive's own customisation.")
    Path schema;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> found = Files.walk(path)) {
                    found.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".tei.xml"))
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + path);
            }
        }
        TeiValidator validator = schema == null ? TeiValidator.forArchiveSchema() : TeiValidator.forSchema(schema);
        int invalid = 0;
        for (Path file : files) {
            List<String> errors = validator.validate(file);
            if (errors.isEmpty()) {
                System.out.println("valid    " + file);
            } else {
                invalid++;
                System.out.println("INVALID  " + file);
                errors.forEach(error -> System.out.println("         " + error));
            }
        }
        System.out.println(files.size() + " file(s): " + (files.size() - invalid) + " valid, " + invalid + " invalid"
                + " (schema: " + (schema == null ? "the archive's TEI customisation" : schema) + ")");
        return invalid == 0 ? 0 : 1;
    }
}
