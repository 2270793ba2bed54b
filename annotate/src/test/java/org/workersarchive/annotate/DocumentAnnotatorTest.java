package org.workersarchive.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Language;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceDescription.Kind;
import org.workersarchive.core.SourceDescription.Origin;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;
import org.workersarchive.core.XmlParsers;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The authority list, the dates and the signs of unknown names, without the name models (whose
 * part {@link NameRecognitionTest} checks), so that what each of these finds is seen alone.
 */
class DocumentAnnotatorTest {

    private static final DocumentAnnotator ANNOTATOR = new DocumentAnnotator(AuthorityList.bundled(), NameModels.none());

    @TempDir
    Path dir;

    @Test
    void theSourcesPublicationIsLinkedToTheAuthorityList() {
        SourceDescription fromName = new SourceDescription(Kind.PERIODICAL_ISSUE, "Ouvrier Communiste", true,
                "ouvrier-communiste", null, null, "6-7", "1930-03", null, null, List.of(), null, Origin.FILE_NAME, null);
        SourceDescription linked = ANNOTATOR.linkedToAuthority(fromName);
        assertEquals("L'Ouvrier Communiste", linked.title(), "the list's title replaces the file name's stand-in");
        assertEquals("ouvrier-communiste", linked.titleKey());

        SourceDescription sidecar = new SourceDescription(Kind.PERIODICAL_ISSUE, "Путь рабочих к власти", false, null, null,
                null, "1", "1923", null, null, List.of(), null, Origin.SIDECAR, Path.of("put.json"));
        assertEquals("put-rabochikh", ANNOTATOR.linkedToAuthority(sidecar).titleKey(), "found by its title");

        SourceDescription transliterated = new SourceDescription(Kind.UNKNOWN, "Put Rabochikh K Vlasti", true,
                "put-rabochikh-k-vlasti", null, null, null, "1923", null, null, List.of(), null, Origin.FILE_NAME, null);
        assertEquals("Путь рабочих к власти", ANNOTATOR.linkedToAuthority(transliterated).title(),
                "a file name may spell the title's words");

        SourceDescription unknown = new SourceDescription(Kind.PERIODICAL_ISSUE, "Die Aktion", true, "die-aktion", null,
                null, null, "1923", null, null, List.of(), null, Origin.FILE_NAME, null);
        assertEquals("Die Aktion", ANNOTATOR.linkedToAuthority(unknown).title());
        assertNull(ANNOTATOR.linkedToAuthority(unknown).titleKey(), "a key the list does not know is dropped");

        SourceDescription acronym = new SourceDescription(Kind.UNKNOWN, "Kapd Flugblatt", true, "kapd-flugblatt", null,
                null, null, "1924-04", null, null, List.of(), null, Origin.FILE_NAME, null);
        assertEquals("KAPD Flugblatt", ANNOTATOR.linkedToAuthority(acronym).title(),
                "a file name's words keep the acronyms the list spells in capitals");
    }

    @Test
    void namesInLatinAndCyrillicScriptAndTheirVariants() {
        assertEquals("PERSON myasnikov [G. Miasnikov] | ORGANISATION workers-group [Groupe ouvrier] | PLACE moscow [Moscou.]",
                annotate("Le camarade G. Miasnikov du Groupe ouvrier arrive à Moscou."));
        assertEquals("PERSON myasnikov [Mjasnikow] | ORGANISATION kapd [KAPD]", annotate("Genosse Mjasnikow und die KAPD"));
        assertEquals("PERSON myasnikov [Мясников] | PLACE perm [Пермь]", annotate("Мясников вернулся в Пермь"));
        assertEquals("PLACE urals [l'Oural] | PUBLICATION ouvrier-communiste [L’Ouvrier Communiste]",
                annotate("les usines de l'Oural et L’Ouvrier Communiste"));
    }

    @Test
    void russianCaseEndings() {
        assertEquals("PERSON myasnikov [Мясникова] | ORGANISATION workers-group [Рабочей группы]",
                annotate("арест Мясникова и Рабочей группы"));
        assertEquals("PERSON myasnikov [Мясниковым] | PLACE moscow [Москве]", annotate("с Мясниковым в Москве"));
        assertEquals("", annotate("мясник и рабочий"));
    }

    @Test
    void namesInTheSpellingBefore1918() {
        assertEquals("PERSON myasnikov [Мясниковъ] | ORGANISATION workers-group [Рабочей группѣ]",
                annotate("товарищъ Мясниковъ въ Рабочей группѣ"));
        assertEquals("PLACE moscow [Москвѣ] | PLACE perm [Перми]", annotate("въ Москвѣ и въ Перми"));
        // і and ѳ, and OCR's Latin i for і: a word in the old spelling is compared in today's.
        assertEquals("мясников", TokenNormalizer.normalize("Мясниковъ"));
        assertEquals("россия", TokenNormalizer.normalize("Россiя"));
        assertEquals("рабочего", TokenNormalizer.normalize("рабочаго"));
        assertEquals("федор", TokenNormalizer.normalize("Ѳедоръ"));
        assertEquals("ъ", TokenNormalizer.normalize("ъ"), "a hard sign alone is no word to shorten");
    }

    @Test
    void theLongestNameWins() {
        assertEquals("ORGANISATION workers-group [Рабочая группа РКП(б)]", annotate("Рабочая группа РКП(б) заявляет"));
        assertEquals("PUBLICATION manifesto-workers-group [Манифест Рабочей группы]",
                annotate("Манифест Рабочей группы вышел"));
    }

    @Test
    void aNameHyphenatedAcrossLinesIsFound() {
        Document document = annotated(List.of("Le camarade Mias-", "nikov écrit."));
        assertEquals("PERSON myasnikov [Mias- nikov]", describe(document));
        assertEquals(List.of("p1_w3", "p1_w4"), document.annotations().get(0).wordIds());
    }

    @Test
    void lookAlikeLettersFromOcrAreFolded() {
        assertEquals("ORGANISATION rkp [PKП]", annotate("партия PKП"));
    }

    @Test
    void ocrMisreadingsOfNamesAreFoundWithLessConfidence() {
        assertEquals("PERSON zinoviev [Zinovicv] | PERSON kamenev [Karnenev]", annotate("Zinovicv et Karnenev votent"));
        assertEquals("PERSON myasnikov [Mjasnlkow]", annotate("Genosse Mjasnlkow spricht"));
        assertEquals("PLACE moscow [Moscon.]", annotate("arrivé à Moscon."), "u read as n");
        assertEquals("ORGANISATION workers-group [Рабочая груnпа]", annotate("Рабочая груnпа заявляет"));
        assertEquals("ORGANISATION rkp [PKII]", annotate("партия PKII"), "П read as II");
        assertEquals("PUBLICATION manifesto-workers-group [Манифест:Рабочей!‘ группы]",
                annotate("Манифест:Рабочей!‘ группы требует"), "a space read as punctuation");
        Annotation misread = annotated(List.of("Zinovicv vote")).annotations().get(0);
        assertTrue(misread.confidence() < AuthorityAnnotator.INFLECTED, String.valueOf(misread.confidence()));
        assertTrue(misread.confidence() >= 0.5, String.valueOf(misread.confidence()));
    }

    @Test
    void ocrToleranceNeverTurnsAShortOrOrdinaryWordIntoAName() {
        assertEquals("", annotate("Parts of Merlin and Lerin were sent"));
        assertEquals("", annotate("Les Parties et Mouton"), "two plain substitutions from Moscou");
        assertEquals("", annotate("Radar Mack Perl Pari"));
    }

    @Test
    void eventsOfTheListAreMarked() {
        assertEquals("EVENT congress-12 [XIIe Congrès]", annotate("au XIIe Congrès du parti"));
        assertEquals("EVENT nep [НЭП]", annotate("против НЭП и бюрократии"));
        assertEquals("EVENT kronstadt-uprising [Kronstadt uprising]", annotate("after the Kronstadt uprising the"));
    }

    @Test
    void namesTheListDoesNotKnowAreMarkedWithoutAKey() {
        assertEquals("PERSON - [Lutovinov] | PERSON - [Schwab]",
                annotate("le camarade Lutovinov et Genosse Schwab"));
        assertEquals("PERSON - [И. Н. Смирнов]", annotate("товарищ И. Н. Смирнов арестован"));
        assertEquals("PERSON - [V. Panyushkin,]", annotate("signed by V. Panyushkin, a worker"));
        assertEquals("ORGANISATION - [SPD] | ORGANISATION kapd [KAPD]", annotate("die SPD und die KAPD"));
        assertEquals("", annotate("LA CRISE ET LES CHÔMEURS"), "a heading in capitals holds no acronyms");
        assertEquals("", annotate("le XIe siècle et la page IV"), "Roman numerals are not acronyms");
    }

    @Test
    void shortOrLowerCaseCommonWordsAreNotNames() {
        assertEquals("", annotate("le permanent de la pravda est mach et la perm"));
        assertEquals("", annotate("Il a dit que Perma était un nom."));
    }

    @Test
    void datesInFourLanguagesBecomeIso() {
        assertEquals("DATE 1923-06-05 [5 juin 1923]", annotate("le 5 juin 1923 à"));
        assertEquals("DATE 1930-05-01 [1er mai 1930]", annotate("le 1er mai 1930"));
        assertEquals("DATE 1930-03 [mars 1930]", annotate("en mars 1930"));
        assertEquals("DATE 1923-06-05 [5 июня 1923 г.]", annotate("5 июня 1923 г. арестован"));
        assertEquals("DATE 1923 [1923 г.]", annotate("в 1923 г. группа"));
        assertEquals("DATE 1924-05-01 [1. Mai 1924]", annotate("am 1. Mai 1924 in"));
        assertEquals("DATE 1924-06 [Juni 1924]", annotate("im Juni 1924"));
        assertEquals("DATE 1923-06-05 [June 5, 1923]", annotate("on June 5, 1923 he"));
        assertEquals("DATE 1930-03 [March 1930]", annotate("in March 1930"));
        assertEquals("DATE 1927 [1927]", annotate("arrested in 1927 and"));
        assertEquals("", annotate("page 1927 of 2000 copies"));
        assertEquals("DATE 1923-06 [juin 1923]", annotate("le 31 juin 1923"), "a misread day leaves the month");
    }

    @Test
    void theBundledListHasEveryAgreedKeyAndIsValidTei() throws Exception {
        AuthorityList list = AuthorityList.bundled();
        for (String key : List.of("myasnikov", "kuznetsov", "moiseev", "lenin", "zinoviev", "kamenev", "stalin",
                "trotsky", "radek", "shliapnikov", "kollontai", "bukharin", "workers-group", "rkp", "kapd", "comintern",
                "workers-opposition", "ogpu", "kai", "dec-centralists", "workers-truth", "moscow", "perm", "petrograd",
                "urals", "yerevan", "paris", "berlin", "vorkuta", "tehran", "constantinople", "kharkov",
                "ouvrier-communiste", "put-rabochikh", "pravda", "kaz", "manifesto-workers-group")) {
            assertTrue(list.entry(key).isPresent(), key);
        }
        assertEquals("Q1394", list.entry("lenin").orElseThrow().wikidataId());
        assertTrue(list.entries().size() >= 80, list.entries().size() + " entries");
        for (EntityType type : EntityType.values()) {
            assertTrue(type == EntityType.DATE || list.entries().stream().anyMatch(e -> e.type() == type), type.name());
        }
        Path copy = dir.resolve("authority.xml");
        list.copyTo(copy);
        assertEquals(List.of(), validateAgainstTeiAll(copy));
    }

    @Test
    void aBrokenListIsRefusedWithItsLine() throws IOException {
        Path broken = Files.writeString(dir.resolve("mine.xml"), """
                <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>
                <person><persName>Nobody</persName></person>
                </listPerson></body></text></TEI>""");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AuthorityList.load(broken));
        assertEquals(broken + ", line 2: <person> has no xml:id", error.getMessage());
    }

    private static String annotate(String text) {
        return describe(annotated(List.of(text)));
    }

    /** One block, a line per string, words with made-up but sound boxes. */
    static Document annotated(List<String> lines) {
        List<Line> modelLines = new ArrayList<>();
        int wordNumber = 0;
        for (int l = 0; l < lines.size(); l++) {
            List<Word> words = new ArrayList<>();
            int x = 0;
            for (String text : lines.get(l).split(" ")) {
                words.add(new Word("p1_w" + ++wordNumber, text, new BoundingBox(x, l * 50, 10, 40), 90));
                x += 20;
            }
            modelLines.add(new Line("p1_l" + (l + 1), BoundingBox.enclosing(words.stream().map(Word::box).toList()), words));
        }
        Block block = new Block("p1_b1", BoundingBox.enclosing(modelLines.stream().map(Line::box).toList()), modelLines);
        Page page = Page.unread(1, new PageImage(Path.of("p.png"), 5000, 5000, 300))
                .withText(TextOrigin.OCR, Language.listOf("fra"), List.of(block));
        SourceFile source = new SourceFile(Path.of("x.png"), "x.png", "0".repeat(64), "image/png", 1, 1, Map.of());
        Document document = Document.ofPages("doc", source, List.of(page),
                new ProcessingStep("ingest", "test", "1", Map.of(), Duration.ZERO));
        return DocumentInvariants.requireSound(ANNOTATOR.annotate(document));
    }

    /** "TYPE key-or-value [covered words]" for each annotation, joined by " | ". */
    static String describe(Document document) {
        Map<String, Word> words = document.wordsById();
        return document.annotations().stream().map(a -> a.type() + " " + keyOrValue(a) + " ["
                + a.wordIds().stream().map(id -> words.get(id).text()).collect(Collectors.joining(" ")) + "]")
                .collect(Collectors.joining(" | "));
    }

    private static String keyOrValue(Annotation annotation) {
        return annotation.key() != null ? annotation.key() : annotation.value() != null ? annotation.value() : "-";
    }

    private static List<String> validateAgainstTeiAll(Path file) throws Exception {
        List<String> errors = new ArrayList<>();
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }
        });
        // The files are the project's own, but they are parsed as untrusted ones are all the same.
        properties.put(ValidateProperty.XML_READER_CREATOR, XmlParsers::saxReader);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap());
        Path schema = Path.of(System.getProperty("archive.shared.dir"), "tei", "tei_all.rng");
        assertTrue(driver.loadSchema(ValidationDriver.fileInputSource(schema.toFile())));
        driver.validate(ValidationDriver.fileInputSource(file.toFile()));
        return errors;
    }
}
