package org.workersarchive.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.workersarchive.core.FileNames;
import org.workersarchive.core.Language;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.SourceDescription.Kind;
import org.workersarchive.core.SourceDescription.Origin;
import org.workersarchive.core.SourceDescription;

/**
 * Reads a sidecar: a small JSON or YAML file beside the scans that describes the publication
 * (see the README for the format). Strict, so that an archivist's typo is reported rather than
 * silently ignored: an unknown field, a field of the wrong form or a file of more than 64 KiB is
 * refused with the sidecar's name and the reason. Its fields never become paths but two, checked
 * here: {@code files} entries must be plain names of files beside the sidecar (not
 * {@code ../../etc/passwd}, not {@code /etc/passwd}, not hidden), and {@code languages} Tesseract
 * model names (which name files in tessdata). Thread-safe.
 */
public final class SidecarReader {

    /** A sidecar is a few lines; anything much larger is not one. */
    static final long MAX_BYTES = 64 * 1024;

    private static final Set<String> FIELDS = Set.of("type", "title", "authorityKey", "author", "volume", "issue",
            "date", "place", "publisher", "languages", "note", "files");
    private static final Map<String, Kind> KINDS = Map.of("issue", Kind.PERIODICAL_ISSUE,
            "periodical-issue", Kind.PERIODICAL_ISSUE, "pamphlet", Kind.PAMPHLET);
    private static final ObjectMapper JSON = new ObjectMapper();
    // SnakeYAML under Jackson builds plain trees only (no custom types) and caps alias expansion.
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build()).build());

    private SidecarReader() {
    }

    /**
     * The description a sidecar gives.
     *
     * @throws RejectedInputException naming the sidecar and what is wrong with it
     */
    public static SourceDescription read(Path sidecar) {
        JsonNode root = tree(sidecar);
        String type = text(sidecar, root, "type");
        Kind kind = type == null ? Kind.UNKNOWN : KINDS.get(type.toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw refused(sidecar, "type must be issue or pamphlet, not \"" + type + "\"");
        }
        String date = text(sidecar, root, "date");
        if (date != null && !SourceDescription.hasIsoForm(date)) {
            throw refused(sidecar, "date must be written 1930, 1930-03 or 1930-03-15, not \"" + date + "\"");
        }
        if (date != null && !SourceDescription.isIsoDate(date)) {
            throw refused(sidecar, "date \"" + date + "\" is no day of the calendar");
        }
        requirePlainFiles(sidecar, root);
        return new SourceDescription(kind, text(sidecar, root, "title"), false, text(sidecar, root, "authorityKey"),
                text(sidecar, root, "author"), text(sidecar, root, "volume"), text(sidecar, root, "issue"), date,
                text(sidecar, root, "place"), text(sidecar, root, "publisher"), languages(sidecar, root),
                text(sidecar, root, "note"), Origin.SIDECAR, sidecar);
    }

    /**
     * The names a sidecar lists that can name files beside it, or none when it lists none or cannot
     * be read. The scans it describes then fail with the reason when they are ingested ({@link #read}
     * refuses the whole sidecar when one entry is not a plain name).
     */
    static List<String> listedFiles(Path sidecar) {
        try {
            return texts(sidecar, tree(sidecar), "files").stream().filter(SidecarReader::isListable).toList();
        } catch (RejectedInputException e) {
            return List.of();
        }
    }

    /** A name beside the sidecar, not hidden (files being copied in are). */
    private static boolean isListable(String name) {
        return FileNames.isPlain(name) && !name.startsWith(".");
    }

    /** One entry that could name a file elsewhere refuses the whole sidecar: it is not what it seems. */
    private static void requirePlainFiles(Path sidecar, JsonNode root) {
        for (String name : texts(sidecar, root, "files")) {
            if (!isListable(name)) {
                throw refused(sidecar, "files must be plain names of files beside the sidecar, not \""
                        + FileNames.printable(name) + "\"");
            }
        }
    }

    /** Model names only: Tesseract loads NAME.traineddata, so "../x" would load a file from anywhere. */
    private static List<Language> languages(Path sidecar, JsonNode root) {
        List<Language> languages = new ArrayList<>();
        for (String model : texts(sidecar, root, "languages")) {
            if (!Language.isModelName(model)) {
                throw refused(sidecar, "languages must be Tesseract model names (fra, rus, deu, eng), not \""
                        + FileNames.printable(model) + "\"");
            }
            languages.add(Language.ofModel(model));
        }
        return languages;
    }

    private static JsonNode tree(Path sidecar) {
        try {
            // Read no more than the limit, even if the file grows after a size check would have passed.
            byte[] bytes;
            try (InputStream in = Files.newInputStream(sidecar)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw refused(sidecar, "larger than " + MAX_BYTES / 1024 + " KiB; not a sidecar");
            }
            String name = sidecar.getFileName().toString().toLowerCase(Locale.ROOT);
            JsonNode root = (name.endsWith(".json") ? JSON : YAML).readTree(bytes);
            if (root == null || !root.isObject()) {
                throw refused(sidecar, "must hold one object of fields (title, date, issue…)");
            }
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!FIELDS.contains(field)) {
                    throw refused(sidecar, "unknown field \"" + field + "\"; known: " + String.join(", ",
                            FIELDS.stream().sorted().toList()));
                }
            }
            return root;
        } catch (JsonProcessingException e) {
            throw refused(sidecar, "not well-formed: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw refused(sidecar, "cannot be read: " + e.getMessage());
        }
    }

    private static String text(Path sidecar, JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw refused(sidecar, field + " must be a single value");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** A list of strings, or one string of items joined by + or commas ("fra+rus"). */
    private static List<String> texts(Path sidecar, JsonNode root, String field) {
        JsonNode value = root.get(field);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isValueNode()) {
                    throw refused(sidecar, field + " must be a list of names");
                }
                texts.add(item.asText().strip());
            }
        } else if (value.isValueNode()) {
            texts.addAll(List.of(value.asText().strip().split("\\s*[+,]\\s*")));
        } else {
            throw refused(sidecar, field + " must be a list of names");
        }
        texts.removeIf(String::isEmpty);
        return texts;
    }

    private static RejectedInputException refused(Path sidecar, String reason) {
        return new RejectedInputException("sidecar " + sidecar.getFileName() + ": " + reason);
    }
}
