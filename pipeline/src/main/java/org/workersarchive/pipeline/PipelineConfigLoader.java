package org.workersarchive.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.core.Language;
import org.workersarchive.export.IiifConfig;
import org.workersarchive.export.TeiConfig;
import org.workersarchive.ingest.IngestConfig;
import org.workersarchive.ocr.EngineLimits;
import org.workersarchive.ocr.LongS;
import org.workersarchive.ocr.OcrConfig;
import org.workersarchive.ocr.Thresholding;
import org.workersarchive.pipeline.archive.StoreLimits;

/**
 * Binds a {@link PipelineConfig} from, in rising order of precedence: the built-in defaults, a
 * properties file ({@code --config}), and the command line. The keys are listed in the README
 * and in {@code archive.properties.example}.
 */
public final class PipelineConfigLoader {

    static final String LANGUAGES = "archive.languages";
    static final String WORKERS = "archive.workers";
    static final String RENDER_DPI = "archive.render-dpi";
    static final String MAX_PAGES = "archive.max-pages";
    static final String TESSDATA = "archive.tessdata";
    static final String AUTHORITY_LIST = "archive.authority-list";
    static final String LANGUAGE_CHOICE = "archive.language-choice";
    static final String THRESHOLDING = "archive.thresholding";
    static final String LONG_S = "archive.long-s";
    static final String UNCERTAIN_BELOW = "archive.uncertain-below";
    static final String WORD_ZONES = "archive.word-zones";
    static final String PAGE_TIMEOUT = "archive.page-timeout";
    static final String PAGES_PER_ENGINE = "archive.pages-per-engine";
    static final String ENGINE_ATTEMPTS = "archive.engine-attempts";
    static final String INPUT_ATTEMPTS = "archive.input-attempts";
    static final String PAGE_DELIVERIES = "archive.page-deliveries";
    static final String IIIF_BASE_URL = "archive.iiif-base-url";
    static final String INBOX_FAILURE_REST = "archive.inbox-failure-rest";
    static final String FAILED_COPY_LIMIT = "archive.failed-copy-limit-mb";
    static final String NAME_MODELS = "archive.name-models";
    /** Runs that may stop while an input is under way, by default, before it goes to failed/. */
    static final int DEFAULT_INPUT_ATTEMPTS = 3;
    /** Workers that may stop while reading a page, by default, before the page fails. */
    static final int DEFAULT_PAGE_DELIVERIES = 3;
    private static final List<String> KNOWN_KEYS = List.of(LANGUAGES, LANGUAGE_CHOICE, WORKERS, RENDER_DPI,
            MAX_PAGES, TESSDATA, THRESHOLDING, LONG_S, UNCERTAIN_BELOW, WORD_ZONES, AUTHORITY_LIST, PAGE_TIMEOUT,
            PAGES_PER_ENGINE, ENGINE_ATTEMPTS, INPUT_ATTEMPTS, PAGE_DELIVERIES, IIIF_BASE_URL, INBOX_FAILURE_REST,
            FAILED_COPY_LIMIT, NAME_MODELS);

    private final Properties values = new Properties();

    /** Reads a properties file; unknown keys are an error, so that a typo does not pass silently. */
    public PipelineConfigLoader withFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties fromFile = new Properties();
            fromFile.load(reader);
            for (String key : fromFile.stringPropertyNames()) {
                if (!KNOWN_KEYS.contains(key)) {
                    throw new IllegalArgumentException(file + ": unknown setting '" + key + "'; known: " + KNOWN_KEYS);
                }
                values.setProperty(key, fromFile.getProperty(key).trim());
            }
            return this;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Sets one value, as the command line does; a null value leaves the setting as it is. */
    public PipelineConfigLoader with(String key, Object value) {
        if (value != null) {
            values.setProperty(key, String.valueOf(value));
        }
        return this;
    }

    public PipelineConfig load(Path archiveDir) {
        IngestConfig ingestDefaults = IngestConfig.defaults();
        OcrConfig ocrDefaults = OcrConfig.defaults();
        EngineLimits engineDefaults = EngineLimits.defaults(1);
        Duration pageTimeout = Duration.ofSeconds(intValue(PAGE_TIMEOUT, (int) engineDefaults.pageTimeout().toSeconds()));
        // A PDF page gets as long to render as to be read.
        IngestConfig ingest = new IngestConfig(intValue(RENDER_DPI, ingestDefaults.renderDpi()),
                intValue(MAX_PAGES, ingestDefaults.maxPages()), pageTimeout);
        OcrConfig ocr = new OcrConfig(
                pathValue(TESSDATA, ocrDefaults.tessdataDir()),
                languages(ocrDefaults.languages()),
                values.containsKey(LANGUAGE_CHOICE) ? OcrConfig.LanguageChoice.ofLabel(values.getProperty(LANGUAGE_CHOICE))
                        : ocrDefaults.languageChoice(),
                ocrDefaults.defaultDpi(),
                values.containsKey(THRESHOLDING) ? Thresholding.ofLabel(values.getProperty(THRESHOLDING))
                        : ocrDefaults.thresholding(),
                values.containsKey(LONG_S) ? LongS.ofLabel(values.getProperty(LONG_S)) : ocrDefaults.longS());
        TeiConfig teiDefaults = TeiConfig.defaults();
        TeiConfig tei = new TeiConfig(teiDefaults.authorityUri(),
                intValue(UNCERTAIN_BELOW, teiDefaults.uncertainBelow()), booleanValue(WORD_ZONES, teiDefaults.wordZones()));
        int workers = intValue(WORKERS, Runtime.getRuntime().availableProcessors());
        Path authority = values.containsKey(AUTHORITY_LIST) && !values.getProperty(AUTHORITY_LIST).isBlank()
                ? Path.of(values.getProperty(AUTHORITY_LIST)) : null;
        EngineLimits engines = new EngineLimits(workers, pageTimeout,
                intValue(PAGES_PER_ENGINE, engineDefaults.pagesPerProcess()),
                intValue(ENGINE_ATTEMPTS, engineDefaults.attempts()), engineDefaults.heapMegabytes());
        String iiifBase = values.getProperty(IIIF_BASE_URL);
        IiifConfig iiif = iiifBase == null || iiifBase.isBlank() ? IiifConfig.defaults() : new IiifConfig(iiifBase.trim());
        StoreLimits storeDefaults = StoreLimits.defaults();
        StoreLimits store = new StoreLimits(
                Duration.ofSeconds(intValue(INBOX_FAILURE_REST, (int) storeDefaults.inboxFailureRest().toSeconds())),
                1024L * 1024 * intValue(FAILED_COPY_LIMIT, (int) (storeDefaults.failedCopyLimitBytes() / (1024 * 1024))));
        return new PipelineConfig(archiveDir, workers, ingest, ocr, tei, iiif, authority, engines,
                intValue(INPUT_ATTEMPTS, DEFAULT_INPUT_ATTEMPTS), intValue(PAGE_DELIVERIES, DEFAULT_PAGE_DELIVERIES), store,
                NameModels.ofSetting(values.getProperty(NAME_MODELS)));
    }

    private boolean booleanValue(String key, boolean fallback) {
        String value = values.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
        };
    }

    private List<Language> languages(List<Language> fallback) {
        String list = values.getProperty(LANGUAGES);
        if (list == null || list.isBlank()) {
            return fallback;
        }
        return Language.listOf(list.replaceAll("\\s+", ","));
    }

    private int intValue(String key, int fallback) {
        String value = values.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, not '" + value + "'", e);
        }
    }

    private Path pathValue(String key, Path fallback) {
        String value = values.getProperty(key);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
