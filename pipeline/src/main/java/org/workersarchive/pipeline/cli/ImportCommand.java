package org.workersarchive.pipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Ids;
import org.workersarchive.export.FormatSchemas;
import org.workersarchive.pipeline.CorrectionImport;
import org.workersarchive.pipeline.PipelineConfigLoader;
import org.workersarchive.pipeline.report.ImportReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports PAGE XML or ALTO files corrected in Transkribus, eScriptorium or by hand (the",
                "page/ and alto/ files of a document folder, exported back) as new versions of their documents.",
                "Each file is matched to its document and page by what it says (the pcGtsId, documentId or",
                "documentIdentifier the pipeline writes), else by a document id in its path or its image's name",
                "and a page in its image's or its own name (p0003.png). The corrected pages of a document make one",
                "version in documents/ID/versions/RUN/ (TEI, ALTO, PAGE, PDF, text, METS, IIIF), its names found",
                "again; its TEI takes the place of the document's when that was as the pipeline wrote it, and is",
                "then kept by later runs as a hand correction is; a TEI corrected by hand is never replaced.",
                "The run's report is ARCHIVE/runs/<time>-import/report.json.",
                "Exit status: 0 all imported, 1 some files failed, 2 bad usage."},
        footer = {"", "Examples:",
                "  ./archive import --archive ~/archive ~/transkribus-export/",
                "  ./archive import --archive ~/archive --document kapd-flugblatt-1924-04-329a51529345 p0001.xml"})
final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "PAGE or ALTO files, or folders holding them (every *.xml of either format under them).")
    List<Path> paths;

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive folder.")
    Path archive;

    @Option(names = "--document", paramLabel = "ID",
            description = "The document every file is of, when the files do not say (a tool dropped the ids).")
    String document;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings.")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(new ArchiveLayout(archive).documents())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not an archive (no documents/): " + archive);
        }
        if (document != null && !document.matches("[A-Za-z][A-Za-z0-9._-]{0,199}")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a document id: " + document);
        }
        List<Path> files = files();
        PipelineConfigLoader loader = new PipelineConfigLoader();
        if (configFile != null) {
            loader.withFile(configFile);
        }
        ImportReport report = new CorrectionImport(loader.load(archive)).run(files,
                document == null ? null : Ids.requireValid(document));
        for (ImportReport.Entry entry : report.entries()) {
            System.out.println((entry.ok() ? "ok      " : "FAILED  ") + entry.file()
                    + (entry.documentId() == null ? "" : " → " + entry.documentId() + " page " + entry.page())
                    + (entry.ok() ? ", " + entry.wordsChanged() + " word(s) changed" : ": " + entry.reason()));
        }
        long failed = report.entries().stream().filter(e -> !e.ok()).count();
        System.out.println(files.size() + " file(s): " + (report.entries().size() - failed) + " imported, " + failed
                + " failed. Report: " + report.file());
        return failed == 0 ? 0 : 1;
    }

    /** The files named, and under folders every XML file of PAGE or ALTO (a tool's export holds others: METS). */
    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> found = Files.walk(path)) {
                    found.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".xml"))
                            .filter(FormatSchemas::isPageOrAlto).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + path);
            }
        }
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no PAGE or ALTO file in " + paths);
        }
        return files;
    }
}
