package org.workersarchive.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Language;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/**
 * The CLEF HIPE-2020 and HIPE-2022 named-entity gold data (historical newspapers with their own OCR
 * noise): one token a line with IOB tags, documents introduced by {@code # document_id = …}
 * (HIPE-2020) or {@code # hipe2022:document_id = …} (HIPE-2022), whose data sets also spell the
 * coarse types their own way (NewsEye's PER, LOC, ORG, HumanProd). Each document is
 * turned into the pipeline's model as OCR would have made it, so the annotator reads it exactly as it
 * reads a scan: tokens glued back into printed words where the data says there was no space after
 * them ("Munich" + "." → "Munich."), lines broken where the data marks the end of a line, all in one
 * block.
 */
public final class HipeCorpus {

    /** HIPE's coarse types and ours; HIPE has no events, the pipeline no other type. */
    static final Map<String, EntityType> TYPES = Map.of("pers", EntityType.PERSON, "loc", EntityType.PLACE,
            "org", EntityType.ORGANISATION, "time", EntityType.DATE, "prod", EntityType.PUBLICATION);
    /** The other spellings of those types in HIPE-2022's data sets (lower-cased). */
    private static final Map<String, String> TYPE_ALIASES = Map.of("per", "pers", "humanprod", "prod");
    /** HIPE's ISO 639-1 codes and the Tesseract model names a page's languages are given in. */
    private static final Map<String, String> TESSERACT_LANGUAGES = Map.of("fr", "fra", "de", "deu", "en", "eng",
            "ru", "rus");
    private static final Pattern DOCUMENT_ID = Pattern.compile("#\\s*(?:hipe2022:)?document_id\\s*=\\s*(.*)");
    private static final Pattern LANGUAGE = Pattern.compile("#\\s*(?:hipe2022:)?language\\s*=\\s*(.*)");

    private HipeCorpus() {
    }

    /**
     * A gold or found entity over tokens {@code start} (inclusive) to {@code end} (exclusive).
     */
    public record Span(EntityType type, int start, int end) {
    }

    /**
     * One newspaper article.
     *
     * @param document    the article as the pipeline's model: words with made-up, sound boxes
     * @param wordTokens  for each word (by its position in reading order), its first and last token
     * @param tokens      the tokens as the data gives them
     * @param gold        its gold entities (coarse, literal)
     */
    public record HipeDocument(String id, String language, Document document, List<int[]> wordTokens,
                               List<String> tokens, List<Span> gold) {
    }

    /**
     * Reads every document of a HIPE-2020 or HIPE-2022 TSV file.
     *
     * @throws IOException also when the file holds no document: an evaluation of nothing would
     *                     score a perfect 1.0
     */
    public static List<HipeDocument> read(Path tsv) throws IOException {
        List<HipeDocument> documents = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            Builder current = null;
            String language = "und";
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                Matcher languageRow = LANGUAGE.matcher(row);
                Matcher idRow = DOCUMENT_ID.matcher(row);
                if (languageRow.matches()) {
                    // HIPE-2020 names the language before the document id, HIPE-2022 after it.
                    language = languageRow.group(1).strip();
                    if (current != null && current.tokens.isEmpty()) {
                        current.language = language;
                    }
                } else if (idRow.matches()) {
                    if (current != null) {
                        documents.add(current.build());
                    }
                    current = new Builder(idRow.group(1).strip(), language);
                } else if (current != null && !row.isBlank() && !row.startsWith("#") && !row.startsWith("TOKEN\t")) {
                    current.add(row.split("\t", -1));
                }
            }
            if (current != null) {
                documents.add(current.build());
            }
        }
        if (documents.isEmpty()) {
            throw new IOException(tsv + " holds no HIPE document: no '# document_id = ' (HIPE-2020) or "
                    + "'# hipe2022:document_id = ' (HIPE-2022) line");
        }
        return documents;
    }

    /**
     * A document made from tokens as HIPE gives them: each with its IOB tag (B-pers, I-loc, O…) and
     * its MISC cell (NoSpaceAfter, EndOfLine), as other gold data is brought to this form.
     */
    public static HipeDocument document(String id, String language, List<String> tokens, List<String> tags,
                                        List<String> misc) {
        Builder builder = new Builder(id, language);
        for (int i = 0; i < tokens.size(); i++) {
            builder.add(new String[] {tokens.get(i), tags.get(i), "", "", "", "", "", "", "", misc.get(i)});
        }
        return builder.build();
    }

    /** Our type for one of HIPE's coarse types as a data set spells it, or null for one we do not mark. */
    static EntityType type(String hipeType) {
        String lower = hipeType.toLowerCase(Locale.ROOT);
        return TYPES.get(TYPE_ALIASES.getOrDefault(lower, lower));
    }

    /** Collects one document's rows. */
    private static final class Builder {
        private final String id;
        private String language;
        private final List<String> tokens = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private final List<String> misc = new ArrayList<>();

        Builder(String id, String language) {
            this.id = id;
            this.language = language;
        }

        void add(String[] cells) {
            tokens.add(cells[0]);
            tags.add(cells.length > 1 ? cells[1] : "O");
            misc.add(cells.length > 9 ? cells[9] : "_");
        }

        HipeDocument build() {
            List<Span> gold = new ArrayList<>();
            int start = -1;
            EntityType type = null;
            for (int i = 0; i <= tags.size(); i++) {
                String tag = i < tags.size() ? tags.get(i) : "O";
                boolean continues = tag.startsWith("I-") && type != null && type(tag.substring(2)) == type;
                if (!continues && type != null) {
                    gold.add(new Span(type, start, i));
                    type = null;
                }
                if (tag.startsWith("B-") || tag.startsWith("I-") && type == null) {
                    type = type(tag.substring(2));
                    start = i;
                }
            }
            List<Line> lines = new ArrayList<>();
            List<Word> lineWords = new ArrayList<>();
            List<int[]> wordTokens = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            int wordStart = 0;
            for (int i = 0; i < tokens.size(); i++) {
                if (word.isEmpty()) {
                    wordStart = i;
                }
                word.append(tokens.get(i));
                boolean glued = misc.get(i).contains("NoSpaceAfter") && i + 1 < tokens.size();
                boolean lineEnds = misc.get(i).contains("EndOfLine") || i + 1 == tokens.size();
                if (!glued || lineEnds) {
                    int number = wordTokens.size() + 1;
                    lineWords.add(new Word("p1_w" + number, word.toString(),
                            new BoundingBox(10 * (lineWords.size() % 100), 10 * lines.size() % 100_000, 9, 9), 90));
                    wordTokens.add(new int[] {wordStart, i});
                    word.setLength(0);
                }
                if (lineEnds && !lineWords.isEmpty()) {
                    lines.add(new Line("p1_l" + (lines.size() + 1),
                            BoundingBox.enclosing(lineWords.stream().map(Word::box).toList()), lineWords));
                    lineWords = new ArrayList<>();
                }
            }
            List<Block> blocks = lines.isEmpty() ? List.of() : List.of(new Block("p1_b1",
                    BoundingBox.enclosing(lines.stream().map(Line::box).toList()), lines));
            Page page = Page.unread(1, new PageImage(Path.of(id + ".png"), 1000, 100_000, 300))
                    .withText(TextOrigin.OCR, tesseractLanguages(), blocks);
            SourceFile source = new SourceFile(Path.of(id), id, "0".repeat(64), "text/tab-separated-values", 1, 1,
                    Map.of());
            Document document = Document.ofPages("hipe-" + id.toLowerCase().replaceAll("[^a-z0-9]+", "-"), source,
                    List.of(page), new ProcessingStep("ingest", "HIPE-2020 TSV", "1.4", Map.of(), Duration.ZERO));
            return new HipeDocument(id, language, document, wordTokens, List.copyOf(tokens), gold);
        }

        /** The page's language as the pipeline's OCR would have named it, so that the annotator picks its model. */
        private List<Language> tesseractLanguages() {
            String tesseract = TESSERACT_LANGUAGES.get(language);
            return tesseract == null ? List.of() : List.of(Language.ofModel(tesseract));
        }
    }
}
