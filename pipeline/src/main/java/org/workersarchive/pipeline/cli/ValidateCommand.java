package org.workersarchive.pipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.export.CorpusExporter;
import org.workersarchive.export.FormatSchemas;
import org.workersarchive.export.TeiValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validates the archive's files (named, or found under the folders given): each TEI",
                "(*.tei.xml) with Jing against the archive's own TEI customisation, exactly what the pipeline",
                "writes, or against any RELAX NG schema given with --schema (e.g. TEI's tei_all.rng); each ALTO,",
                "PAGE XML and METS file against the official ALTO 4.4, PAGE 2019-07-15 and METS 1.12.1 schemas,",
                "and each IIIF manifest or collection (*.json) against the IIIF Presentation 3 JSON Schema, all",
                "shipped with the pipeline. A hand-corrected TEI, or a PAGE file corrected elsewhere, that",
                "strays is named with its line and the reason. Exit status: 0 all valid, 1 some invalid,",
                "2 bad usage."},
        footer = {"", "Examples:", "  ./archive validate demo-archive",
                "  ./archive validate --schema ../shared/tei/tei_all.rng demo-archive/documents/*/document.tei.xml",
                "  ./archive validate corrected/page/p0001.xml"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, or folders holding them.")
    List<Path> paths;

    @Option(names = "--schema", paramLabel = "RNG",
            description = "A RELAX NG schema (XML syntax) for the TEI files instead of the archive's own customisation.")
    Path schema;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private TeiValidator tei;
    private final FormatSchemas formats = FormatSchemas.bundled();

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> found = Files.walk(path)) {
                    found.filter(Files::isRegularFile).filter(ValidateCommand::isCheckedInFolders).sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + path);
            }
        }
        int invalid = 0;
        for (Path file : files) {
            List<String> errors = errors(file);
            if (errors.isEmpty()) {
                System.out.println("valid    " + file);
            } else {
                invalid++;
                System.out.println("INVALID  " + file);
                errors.forEach(error -> System.out.println("         " + error));
            }
        }
        System.out.println(files.size() + " file(s): " + (files.size() - invalid) + " valid, " + invalid + " invalid"
                + " (TEI schema: " + (schema == null ? "the archive's TEI customisation" : schema) + ")");
        return invalid == 0 ? 0 : 1;
    }

    /** Under a folder: TEI files, and files of the other formats (the authority list and reports are neither). */
    private static boolean isCheckedInFolders(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".tei.xml") || (name.endsWith(".xml") || name.equals(DocumentFolder.IIIF_MANIFEST)
                || name.equals(CorpusExporter.COLLECTION)) && FormatSchemas.formatOf(file).isPresent();
    }

    /** A file named on the command line is TEI unless its content says it is of another format. */
    private List<String> errors(Path file) {
        Optional<FormatSchemas.Format> format = file.getFileName().toString().endsWith(".tei.xml") ? Optional.empty()
                : FormatSchemas.formatOf(file);
        return format.isPresent() ? formats.validate(format.get(), file) : teiValidator().validate(file);
    }

    private TeiValidator teiValidator() {
        if (tei == null) {
            tei = schema == null ? TeiValidator.forArchiveSchema() : TeiValidator.forSchema(schema);
        }
        return tei;
    }
}
