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
            description = "Tesseract languages to read with, e.g. fra,rus,deu,eng (the default).")
    List<String> languages;

    @Option(names = "--workers", paramLabel = "N",
            description = "Pages read at once, one Tesseract engine each (default: the number of cores).")
    Integer workers;

    PipelineConfig load(Path archiveDir) {
        PipelineConfigLoader loader = new PipelineConfigLoader();
        if (configFile != null) {
            loader.withFile(configFile);
        }
        return loader.with("archive.languages", languages == null ? null : String.join(",", languages))
                .with("archive.workers", workers)
                .load(archiveDir);
    }
}
