package org.workersarchive.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.export.CorpusExporter;
import org.workersarchive.export.ExportRefusedException;
import org.workersarchive.pipeline.PipelineConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports an archive as a corpus for TEI Publisher or eXist-db: corpus.tei.xml (a teiCorpus "
                + "holding every document), each document's TEI and page images, the authority list, and an "
                + "index of every entity occurrence (entities.csv, entities.json: document, page, type, key, "
                + "surface, zone), each document's IIIF manifest and the corpus as a IIIF collection "
                + "(collection.json).",
                "The corpus is written whole beside --out and then put in its place (an earlier corpus there is "
                        + "replaced whole); every TEI is read first, and one that cannot be read (not well-formed, "
                        + "with a DOCTYPE) stops the export before anything is written (exit status 1). Only "
                        + "regular files inside the archive are copied: a link out of it is skipped with a "
                        + "warning (exit status 1)."},
        footer = {"", "Example:", "  ./archive export --archive demo-archive --out demo-corpus"})
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive folder.")
    Path archive;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where the corpus goes: a new or empty folder, or an earlier corpus.")
    Path out;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file of settings; archive.iiif-base-url names the IIIF collection.")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ArchiveFolders.requireArchive(spec, archive);
        PipelineConfigLoader loader = new PipelineConfigLoader();
        if (configFile != null) {
            loader.withFile(configFile);
        }
        CorpusExporter.Export export;
        try {
            export = new CorpusExporter(loader.load(archive).iiif()).export(archive, out);
        } catch (ExportRefusedException e) {
            e.problems().forEach(problem -> spec.commandLine().getErr().println("archive: " + problem));
            spec.commandLine().getErr().println("archive: no corpus written; " + out + " is as it was");
            return 1;
        }
        export.skipped().forEach(skipped -> spec.commandLine().getErr().println("archive: " + skipped));
        System.out.println(export.documents().size() + " document(s), " + export.occurrences()
                + " entity occurrences → " + export.corpus());
        System.out.println("index: " + export.entitiesCsv() + ", " + export.entitiesJson());
        if (export.collection() != null) {
            System.out.println("IIIF collection: " + export.collection());
        }
        return export.skipped().isEmpty() ? 0 : 1;
    }
}
