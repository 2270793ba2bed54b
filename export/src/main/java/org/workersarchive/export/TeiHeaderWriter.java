package org.workersarchive.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import org.workersarchive.core.Document;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceFile;

/**
 * Writes a TEI's header: the file's title and the publication its scans are of (from the sidecar or
 * the file name), the scan files with their checksums, each processing step as an application with
 * its settings, the languages the pages were read in, and the revision that made it. Thread-safe.
 */
final class TeiHeaderWriter {

    private static final Pattern VERSION_NUMBER = Pattern.compile("\\d+(\\.\\d+)*");
    /** This pipeline's version, as the build wrote it into pipeline-version.properties. */
    static final String PIPELINE_VERSION = pipelineVersion();


    /**
     * The teiHeader: the file and its source, how it was encoded, its languages, its revisions.
     *
     * @param made the day the TEI was made, its revision's date
     */
    void write(TeiXml xml, Document document, List<TeiRevision> history, UnaryOperator<String> refOf)
            throws XMLStreamException {
        xml.open("teiHeader").open("fileDesc");
        xml.open("titleStmt").leaf("title", fileTitle(document));
        xml.open("respStmt").leaf("resp", "Text recognition, entity annotation and TEI encoding")
                .leaf("name", "Archive pipeline").close();
        xml.close();
        xml.open("publicationStmt")
                .leaf("p", "Produced by the archive pipeline from a scan; an unpublished working transcription.")
                .close();
        xml.open("sourceDesc");
        writeSourceDescription(xml, document, refOf);
        writeScanFiles(xml, document);
        xml.close();
        xml.close();
        writeEncodingDesc(xml, document);
        writeProfileDesc(xml, document);
        xml.open("revisionDesc");
        for (TeiRevision change : history) {
            xml.leaf("change", change.text(), "when", change.when().toString(), "n", change.run(),
                    "type", change.correction() ? "correction" : null);
        }
        xml.close();
        xml.close();
    }

    /**
     * The publication the scans are of: a biblStruct when a sidecar or the file name says anything
     * of it (its date, place or volume alone included, under the title the PDF or the file name
     * gives), else a bibl with that title.
     */
    private static void writeSourceDescription(TeiXml xml, Document document, UnaryOperator<String> refOf)
            throws XMLStreamException {
        SourceDescription source = document.description();
        if (!source.describesPublication()) {
            xml.open("bibl").leaf("title", fallbackTitle(document));
            String author = document.firstSource().metadata().get("author");
            if (author != null) {
                xml.leaf("author", author);
            }
            xml.close();
            return;
        }
        xml.open("biblStruct").open("monogr");
        if (source.author() != null) {
            xml.leaf("author", source.author());
        }
        String level = switch (source.kind()) {
            case PERIODICAL_ISSUE -> "j";
            case PAMPHLET -> "m";
            case UNKNOWN -> null;
        };
        xml.leaf("title", source.title() == null ? fallbackTitle(document) : source.title(), "level", level,
                "ref", source.titleKey() == null ? null : refOf.apply(source.titleKey()));
        xml.open("imprint");
        if (source.place() != null) {
            xml.leaf("pubPlace", source.place());
        }
        if (source.publisher() != null) {
            xml.leaf("publisher", source.publisher());
        }
        if (source.volume() != null) {
            xml.leaf("biblScope", source.volume(), "unit", "volume");
        }
        if (source.issue() != null) {
            xml.leaf("biblScope", source.issue(), "unit", "issue");
        }
        xml.leaf("date", source.date() == null ? "undated" : source.date(), "when", source.date());
        xml.close();
        writeExtent(xml, document.pages().size());
        xml.close();
        if (source.note() != null) {
            xml.leaf("note", source.note());
        }
        String origin = source.origin() == SourceDescription.Origin.SIDECAR
                ? "the sidecar file " + source.sidecar().getFileName() : "the scan's file name";
        xml.leaf("note", "Described from " + origin + ".", "type", "descriptionSource");
        xml.close();
    }

    /** The title of the TEI file: the publication's, with its issue and date, e.g. "L'Ouvrier Communiste, no. 6-7, 1930-03". */
    static String fileTitle(Document document) {
        SourceDescription source = document.description();
        if (source.title() == null) {
            return fallbackTitle(document);
        }
        StringBuilder title = new StringBuilder();
        if (source.author() != null && source.kind() != SourceDescription.Kind.PERIODICAL_ISSUE) {
            title.append(source.author()).append(": ");
        }
        title.append(source.title());
        if (source.issue() != null) {
            title.append(", no. ").append(source.issue());
        }
        if (source.date() != null) {
            title.append(", ").append(source.date());
        }
        return title.toString();
    }

    /** When nothing describes the source: the title in the PDF's own metadata, else the file name. */
    private static String fallbackTitle(Document document) {
        return document.firstSource().metadata().getOrDefault("title", document.firstSource().fileName());
    }

    /** How many pages a publication or a scan file has: "3 pages". */
    private static void writeExtent(TeiXml xml, int pages) throws XMLStreamException {
        xml.open("extent").leaf("measure", pages + (pages == 1 ? " page" : " pages"), "unit", "pages",
                "quantity", String.valueOf(pages)).close();
    }

    /** Each scan file: its name, checksum, type and the pages it gave. */
    private static void writeScanFiles(TeiXml xml, Document document) throws XMLStreamException {
        xml.open("listBibl", "type", "scans");
        for (SourceFile file : document.sources()) {
            xml.open("bibl", "type", "scan")
                    .leaf("idno", file.fileName(), "type", "fileName")
                    .leaf("idno", file.sha256(), "type", "sha256");
            writeExtent(xml, file.pageCount());
            xml.leaf("note", file.mediaType(), "type", "mediaType").close();
        }
        xml.close();
    }

    static String stages(Document document) {
        return document.provenance().stream().map(ProcessingStep::stage).collect(Collectors.joining(", "));
    }

    private static void writeEncodingDesc(TeiXml xml, Document document) throws XMLStreamException {
        xml.open("encodingDesc").open("appInfo");
        xml.open("application", "xml:id", applicationId("pipeline"), "ident", "archive-pipeline",
                        "version", versionNumber(PIPELINE_VERSION))
                .leaf("label", "Archive pipeline " + PIPELINE_VERSION)
                .leaf("desc", "Turned the scans into this TEI, in the stages below.")
                .close();
        for (ProcessingStep step : document.provenance()) {
            StringBuilder details = new StringBuilder("Stage " + step.stage() + ", " + step.took().toMillis() + " ms");
            step.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> details.append("; ").append(e.getKey()).append(": ").append(e.getValue()));
            xml.open("application", "xml:id", applicationId(step.stage()), "ident", step.stage(),
                            "version", versionNumber(step.toolVersion()))
                    .leaf("label", step.tool() + " " + step.toolVersion())
                    .leaf("desc", details.toString())
                    .close();
            if (step.stage().equals("annotate")) {
                writeNameModels(xml, step);
            }
        }
        xml.close().close();
    }

    /**
     * One application per trained name model the annotator read pages with (its provenance's
     * {@code nameModels}: "fr 31e1869a394e,de …", the language and its SHA-256's first digits), so
     * that a name's {@code @resp} names the model that found it.
     */
    private static void writeNameModels(TeiXml xml, ProcessingStep annotate) throws XMLStreamException {
        String models = annotate.details().getOrDefault(NAME_MODELS_DETAIL, "");
        for (String model : models.split(",")) {
            String[] languageAndDigest = model.strip().split(" ", 2);
            if (languageAndDigest[0].isEmpty()) {
                continue;
            }
            String language = languageAndDigest[0];
            String digest = languageAndDigest.length > 1 ? languageAndDigest[1] : "";
            xml.open("application", "xml:id", applicationId(NAME_MODEL_PREFIX + language),
                            "ident", NAME_MODEL_PREFIX + language, "version", versionNumber(annotate.toolVersion()))
                    .leaf("label", "Name model " + language + (digest.isEmpty() ? "" : " (SHA-256 " + digest + "…)"))
                    .leaf("desc", "A trained name recogniser (Apache OpenNLP perceptron): it found the names without @ref"
                            + " that point here; their @cert is its probability. The authority list does not know them.")
                    .close();
        }
    }

    /**
     * The xml:id of the application of the name model that made an annotation
     * ({@code archive-annotator/names-fr} → {@code app-names-fr}), empty when no model made it.
     */
    static Optional<String> modelApplicationId(String annotator) {
        int slash = annotator == null ? -1 : annotator.lastIndexOf('/');
        return slash >= 0 && annotator.startsWith(NAME_MODEL_PREFIX, slash + 1)
                ? Optional.of(applicationId(annotator.substring(slash + 1))) : Optional.empty();
    }

    private static void writeProfileDesc(TeiXml xml, Document document) throws XMLStreamException {
        Map<String, Language> languages = languagesByTag(document);
        if (languages.isEmpty()) {
            return;
        }
        Map<String, Long> wordsByTag = new HashMap<>();
        long words = 0;
        for (Page page : document.pages()) {
            long pageWords = page.words().count();
            words += pageWords;
            if (!page.languages().isEmpty()) {
                wordsByTag.merge(page.languages().get(0).tag(), pageWords, Long::sum);
            }
        }
        xml.open("profileDesc").open("langUsage");
        for (Language language : languages.values()) {
            // usage: the share of the document's words on pages mainly in this language, in percent.
            String usage = words == 0 ? null
                    : String.valueOf(Math.round(100.0 * wordsByTag.getOrDefault(language.tag(), 0L) / words));
            xml.leaf("language", language.name(), "ident", language.tag(), "usage", usage);
        }
        xml.close().close();
    }

    /** The annotate step's detail that lists the name models it read pages with. */
    static final String NAME_MODELS_DETAIL = "nameModels";
    /** How a name model's annotator and application are named: {@code names-fr}. */
    private static final String NAME_MODEL_PREFIX = "names-";

    /** The xml:id of a processing stage's application in the header, e.g. {@code app-ocr}. */
    static String applicationId(String stage) {
        return "app-" + stage;
    }

    /**
     * The languages the pages were read as, in first-seen order, by their xml:lang tags (two models
     * of one language, {@code frk} and {@code deu_latf}, are one language).
     */
    static Map<String, Language> languagesByTag(Document document) {
        Map<String, Language> languages = new LinkedHashMap<>();
        for (Page page : document.pages()) {
            page.languages().forEach(language -> languages.putIfAbsent(language.tag(), language));
        }
        return languages;
    }

    /**
     * The language of the whole document: the main language of its pages when they agree, "mul"
     * (several) when they do not, "und" (undetermined) when no page says.
     */
    static String mainLanguage(Document document) {
        Set<String> mainOfPages = new LinkedHashSet<>();
        for (Page page : document.pages()) {
            if (!page.languages().isEmpty()) {
                mainOfPages.add(page.languages().get(0).tag());
            }
        }
        return mainOfPages.size() == 1 ? mainOfPages.iterator().next() : mainOfPages.isEmpty() ? "und" : "mul";
    }

    private static String pipelineVersion() {
        try (InputStream in = TeiWriter.class.getResourceAsStream("pipeline-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("the build left out pipeline-version.properties");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pipeline-version.properties", e);
        }
    }

    /** TEI wants a bare version number in application/@version; the full string goes in the label. */
    private static String versionNumber(String version) {
        Matcher number = VERSION_NUMBER.matcher(version);
        return number.find() ? number.group() : "0";
    }
}
