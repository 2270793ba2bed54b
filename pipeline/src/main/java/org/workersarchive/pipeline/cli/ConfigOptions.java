package org.workersarchive.pipeline.cli;

import java.nio.file.Path;
import java.util.List;
import org.workersarchive.pipeline.PipelineConfig;
import org.workersarchive.pipeline.PipelineConfigLoader;
import picocli.CommandLine.Option;

/** The settings every processing command takes; the command line wins over the config file. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file of settings (see archive.properties.example).")
    Path configFile;

    @Option(names = "--languages", paramLabel = "LANG", split = "[,+]",
            description = "Tesseract languages a page may be read with, e.g. rus,eng (the default: fra,rus,deu,eng,"
                    + "frk,Cyrillic: frk is German in Fraktur, Cyrillic Russian in the spelling before 1918); "
                    + "each page is read with the one of its script and language.")
    List<String> languages;

    @Option(names = "--force-languages", paramLabel = "LANG", split = "[,+]",
            description = "Read every page with exactly these languages at once, e.g. rus or fra+deu; "
                    + "no choice per page.")
    List<String> forcedLanguages;

    @Option(names = "--workers", paramLabel = "N",
            description = "Pages read at once, one Tesseract engine each (default: the number of cores).")
    Integer workers;

    PipelineConfig load(Path archiveDir) {
        PipelineConfigLoader loader = new PipelineConfigLoader();
        if (configFile != null) {
            loader.withFile(configFile);
        }
        if (forcedLanguages != null && languages != null) {
            throw new IllegalArgumentException("give --languages (chosen per page) or --force-languages, not both");
        }
        if (forcedLanguages != null) {
            loader.with("archive.languages", String.join(",", forcedLanguages)).with("archive.language-choice", "fixed");
        }
        return loader.with("archive.languages", languages == null ? null : String.join(",", languages))
                .with("archive.workers", workers)
                .load(archiveDir);
    }
}
