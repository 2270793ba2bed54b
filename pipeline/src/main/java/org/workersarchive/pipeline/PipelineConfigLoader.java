package org.workersarchive.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
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
    /** A PDF page whose text layer holds more characters is read by OCR; the report says so. */
    public static final String MAX_TEXT_LAYER_CHARACTERS = "archive.max-text-layer-characters";
    /** Runs that may stop while an input is under way, by default, before it goes to failed/. */
    static final int DEFAULT_INPUT_ATTEMPTS = 3;
    /** Workers that may stop while reading a page, by default, before the page fails. */
    static final int DEFAULT_PAGE_DELIVERIES = 3;
    private static final List<String> KNOWN_KEYS = List.of(LANGUAGES, LANGUAGE_CHOICE, WORKERS, RENDER_DPI,
            MAX_PAGES, TESSDATA, THRESHOLDING, LONG_S, UNCERTAIN_BELOW, WORD_ZONES, AUTHORITY_LIST, PAGE_TIMEOUT,
            PAGES_PER_ENGINE, ENGINE_ATTEMPTS, INPUT_ATTEMPTS, PAGE_DELIVERIES, IIIF_BASE_URL, INBOX_FAILURE_REST,
            FAILED_COPY_LIMIT, NAME_MODELS, MAX_TEXT_LAYER_CHARACTERS);

    private final Properties values = new Properties();

    /**
     * Reads a properties file; unknown keys are an error, so that a typo does not pass silently.
     *
     * @throws IllegalArgumentException naming the file and the fix: it does not exist, cannot be
     *                                  read, or names a setting there is not
     */
    public PipelineConfigLoader withFile(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("the config file " + file + " does not exist: give the path of a "
                    + "properties file (archive.properties.example shows every setting)");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("the config file " + file + " is a folder: give the path of a "
                    + "properties file (archive.properties.example shows every setting)");
        }
        Properties fromFile = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            fromFile.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // permission denied is the system's complaint; a malformed Unicode escape is Properties' only one
            throw new IllegalArgumentException("cannot read the config file " + file + ": " + e.getMessage()
                    + ": make it a readable properties file", e);
        }
        for (String key : fromFile.stringPropertyNames()) {
            if (!KNOWN_KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown setting '" + key + "'" + closestKey(key)
                        + "; the settings are " + String.join(", ", KNOWN_KEYS));
            }
            values.setProperty(key, fromFile.getProperty(key).trim());
        }
        return this;
    }

    /** The known setting a misspelt one most likely meant, as " (did you mean …?)", or nothing. */
    private static String closestKey(String key) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String known : KNOWN_KEYS) {
            int distance = editDistance(key, known);
            if (distance < best) {
                best = distance;
                closest = known;
            }
        }
        return best <= 3 ? " (did you mean " + closest + "?)" : "";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    /** Sets one value, as the command line does; a null value leaves the setting as it is. */
    public PipelineConfigLoader with(String key, Object value) {
        if (value != null) {
            values.setProperty(key, String.valueOf(value));
        }
        return this;
    }

    /**
     * The settings bound into the pipeline's config.
     *
     * @throws IllegalArgumentException when a value cannot be used: its message names the setting and
     *                                  its value, why, and where to change it
     */
    public PipelineConfig load(Path archiveDir) {
        IngestConfig ingestDefaults = IngestConfig.defaults();
        OcrConfig ocrDefaults = OcrConfig.defaults();
        EngineLimits engineDefaults = EngineLimits.defaults(1);
        Duration pageTimeout = Duration.ofSeconds(intValue(PAGE_TIMEOUT, (int) engineDefaults.pageTimeout().toSeconds()));
        // A PDF page gets as long to render as to be read.
        IngestConfig ingest = bound(() -> new IngestConfig(intValue(RENDER_DPI, ingestDefaults.renderDpi()),
                intValue(MAX_PAGES, ingestDefaults.maxPages()), pageTimeout,
                intValue(MAX_TEXT_LAYER_CHARACTERS, ingestDefaults.maxTextLayerCharacters())),
                RENDER_DPI, MAX_PAGES, PAGE_TIMEOUT, MAX_TEXT_LAYER_CHARACTERS);
        OcrConfig ocr = bound(() -> new OcrConfig(
                pathValue(TESSDATA, ocrDefaults.tessdataDir()),
                languages(ocrDefaults.languages()),
                values.containsKey(LANGUAGE_CHOICE) ? OcrConfig.LanguageChoice.ofLabel(values.getProperty(LANGUAGE_CHOICE))
                        : ocrDefaults.languageChoice(),
                ocrDefaults.defaultDpi(),
                values.containsKey(THRESHOLDING) ? Thresholding.ofLabel(values.getProperty(THRESHOLDING))
                        : ocrDefaults.thresholding(),
                values.containsKey(LONG_S) ? LongS.ofLabel(values.getProperty(LONG_S)) : ocrDefaults.longS()),
                TESSDATA, LANGUAGES, LANGUAGE_CHOICE, THRESHOLDING, LONG_S);
        TeiConfig teiDefaults = TeiConfig.defaults();
        TeiConfig tei = bound(() -> new TeiConfig(teiDefaults.authorityUri(),
                intValue(UNCERTAIN_BELOW, teiDefaults.uncertainBelow()), booleanValue(WORD_ZONES, teiDefaults.wordZones())),
                UNCERTAIN_BELOW, WORD_ZONES);
        int workers = intValue(WORKERS, Runtime.getRuntime().availableProcessors());
        Path authority = values.containsKey(AUTHORITY_LIST) && !values.getProperty(AUTHORITY_LIST).isBlank()
                ? Path.of(values.getProperty(AUTHORITY_LIST)) : null;
        if (authority != null && !Files.isRegularFile(authority)) {
            throw new IllegalArgumentException(AUTHORITY_LIST + "=" + authority + ": no such file: give the path of "
                    + "an authority list (TEI), or leave the setting out for the bundled one");
        }
        EngineLimits engines = bound(() -> new EngineLimits(workers, pageTimeout,
                intValue(PAGES_PER_ENGINE, engineDefaults.pagesPerProcess()),
                intValue(ENGINE_ATTEMPTS, engineDefaults.attempts()), engineDefaults.heapMegabytes()),
                WORKERS, PAGE_TIMEOUT, PAGES_PER_ENGINE, ENGINE_ATTEMPTS);
        String iiifBase = values.getProperty(IIIF_BASE_URL);
        IiifConfig iiif = iiifBase == null || iiifBase.isBlank() ? IiifConfig.defaults()
                : bound(() -> new IiifConfig(iiifBase.trim()), IIIF_BASE_URL);
        StoreLimits storeDefaults = StoreLimits.defaults();
        StoreLimits store = bound(() -> new StoreLimits(
                Duration.ofSeconds(intValue(INBOX_FAILURE_REST, (int) storeDefaults.inboxFailureRest().toSeconds())),
                1024L * 1024 * intValue(FAILED_COPY_LIMIT, (int) (storeDefaults.failedCopyLimitBytes() / (1024 * 1024)))),
                INBOX_FAILURE_REST, FAILED_COPY_LIMIT);
        NameModels nameModels = bound(() -> NameModels.ofSetting(values.getProperty(NAME_MODELS)), NAME_MODELS);
        return bound(() -> new PipelineConfig(archiveDir, workers, ingest, ocr, tei, iiif, authority, engines,
                intValue(INPUT_ATTEMPTS, DEFAULT_INPUT_ATTEMPTS), intValue(PAGE_DELIVERIES, DEFAULT_PAGE_DELIVERIES), store,
                nameModels), WORKERS, INPUT_ATTEMPTS, PAGE_DELIVERIES);
    }

    /**
     * Makes a stage's config, whose own check says what is wrong with a value but not which setting
     * gave it: the settings it is made from that were given are named, with where to change them.
     */
    private <T> T bound(Supplier<T> make, String... keys) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains("archive.")) {
                throw e; // names its setting already
            }
            List<String> given = Arrays.stream(keys).filter(values::containsKey)
                    .map(key -> key + "=" + values.getProperty(key)).toList();
            throw new IllegalArgumentException((given.isEmpty() ? "the default settings" : String.join(", ", given))
                    + " cannot be used: " + e.getMessage() + "; change " + (given.size() == 1 ? "it" : "them")
                    + " in the config file or on the command line", e);
        }
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
