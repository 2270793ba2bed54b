package org.workersarchive.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.export.TeiValidator;
import org.workersarchive.review.correct.ArchiveWriteLock;
import org.workersarchive.review.training.CorrectionScores;
import org.workersarchive.review.training.GroundTruth;
import org.workersarchive.review.training.GroundTruthLine;
import org.workersarchive.review.training.TrainingExport;
import org.workersarchive.samples.TextMetrics;

/**
 * Corrections over real HTTP into an archive written by the pipeline's writer: each save a version
 * with a valid TEI in place naming who and what; names found again in a corrected line; entities
 * rejected, retyped and relinked; concurrent saves of one page, of which one is refused; a new name
 * added to the authority list; and the corrections as ground truth for tesstrain and the evaluation.
 */
class CorrectionsTest {

    @TempDir
    Path root;

    private ArchiveLayout archive;
    private ReviewServer server;
    private Browserless browser;

    @BeforeEach
    void serve() throws Exception {
        archive = ArchiveFixture.make(root.resolve("archive"));
        server = ArchiveFixture.serve(archive, false, null);
        browser = new Browserless(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aWordSavedIsAVersionWhoseTeiTakesThePlaceOfTheDocumentsAndTheSearchFollows() throws Exception {
        String page = page();
        browser.post("/session/name", Map.of("name", "Rosa L.", "csrf", Browserless.field(page, "csrf")));
        HttpResponse<String> saved = browser.correct(page, "word", Browserless.wordId(page, "camarade"), "camarades");
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(page().contains("Saved as version"), "the page says what was saved");
        String tei = Files.readString(tei());
        assertTrue(tei.contains("que le camarades"), "the word, no longer unclear: " + tei.substring(tei.indexOf("<text")));
        assertTrue(tei.contains("Corrected in the review server by Rosa L. at "), "who, and when");
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei()));
        assertEquals(1, reviewVersions().size());
        assertTrue(Files.readString(reviewVersions().get(0).resolve("alto/p0001.xml")).contains("CONTENT=\"camarades\""));
        assertTrue(browser.get("/search?q=camarades").body().contains("1 hit(s)"));
        assertTrue(browser.get("/").body().contains("<td class=\"number\">1</td></tr>"), "one correction listed");
    }

    @Test
    void aCorrectedLineHasItsNamesFoundAgainAndARejectedNameStaysRejected() throws Exception {
        String page = page();
        assertFalse(wordTag(page, "Mqxzrkov").contains("ent-"), "Mqxzrkov is no name yet");
        String line = lineIdOf(page, "Mqxzrkov");
        assertEquals(303, browser.correct(page, "line", line, "Lettre de Mjasnikov et Lenin au groupe.").statusCode());
        page = page();
        String entity = entityOf(page, "Mjasnikov");
        assertTrue(wordTag(page, "Lenin").contains("ent-person"), "Lenin, found in the corrected line");
        assertEquals(303, browser.correct(page, "entity-reject", entity, "").statusCode());
        page = page();
        assertEquals(303, browser.correct(page, "line", line, "Lettre de Mjasnikov et Lénine au groupe.").statusCode());
        page = page();
        assertTrue(page.contains(">Lénine</span>"));
        assertFalse(wordTag(page, "Mjasnikov").contains("ent-person"), "the rejected name is not marked again");
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei()));
    }

    @Test
    void entitiesAreRetypedRelinkedAndAcceptedWithReasonsForWhatCannotBe() throws Exception {
        String page = page();
        String moscow = entityOf(page, "Moscou");
        HttpResponse<String> wrongType = browser.correct(page, "entity-ref", moscow, "myasnikov");
        assertEquals(400, wrongType.statusCode());
        assertTrue(wrongType.body().contains("change its type first"), wrongType.body());
        assertEquals(400, browser.correct(page, "entity-ref", moscow, "no-such-key").statusCode());
        assertEquals(303, browser.correct(page, "entity-type", moscow, "organisation").statusCode());
        assertTrue(Files.readString(tei()).contains("<orgName>Moscou</orgName>"), "retyped, its place link dropped");
        page = page();
        assertEquals(303, browser.correct(page, "entity-accept", entityOf(page, "Miasnikov"), "").statusCode());
        assertTrue(page().contains("<td class=\"decision\">accepted</td>"));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei()));
    }

    @Test
    void ofTwoSavesOfOnePageAtOnceOneIsRefusedAndNothingIsLost() throws Exception {
        String page = page();
        Browserless other = new Browserless(server.port());
        String otherPage = other.get("/view/" + ArchiveFixture.ID + "/1").body();
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Callable<HttpResponse<String>>> saves = List.of(
                    () -> browser.correct(page, "word", Browserless.wordId(page, "apprenons"), "apprîmes"),
                    () -> other.correct(otherPage, "word", Browserless.wordId(otherPage, "arrêté"), "arrêtés"));
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : both.invokeAll(saves)) {
                statuses.add(answer.get().statusCode());
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(303, 409), statuses);
        } finally {
            both.shutdown();
        }
        String tei = Files.readString(tei());
        assertTrue(tei.contains("apprîmes") ^ tei.contains("arrêtés"), "exactly one of them saved");
        HttpResponse<String> stale = browser.correct(page, "word", Browserless.wordId(page, "que"), "qu'il");
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("qu&#39;il"), "what was typed is shown, not lost");
    }

    @Test
    void writesRefusedWhileASaveHoldsTheArchiveLeaveItsLockHeldAgainstOtherProcesses() throws Exception {
        String page = page();
        String names = browser.get("/names").body();
        try (ArchiveWriteLock save = ArchiveWriteLock.take(archive, "a save under way")) {
            assertEquals("held", LockProbe.ask(archive.lock()));
            HttpResponse<String> name = browser.post("/names", Map.of("csrf", Browserless.field(names, "csrf"),
                    "type", "person", "key", "lettre-author", "name", "Jean Lettre", "variant", "", "wikidata", ""));
            assertEquals(503, name.statusCode(), name.body());
            assertTrue(name.body().contains("a save under way"), name.body());
            assertEquals(503, browser.correct(page, "word", Browserless.wordId(page, "que"), "qu'il").statusCode());
            // An import in another process would now find the archive free, and write beside the save.
            assertEquals("held", LockProbe.ask(archive.lock()), "the refusals left the save's lock in place");
        }
        assertEquals("free", LockProbe.ask(archive.lock()));
        assertEquals(303, browser.correct(page, "word", Browserless.wordId(page, "que"), "qu'il").statusCode());
    }

    @Test
    void aNewNameJoinsTheAuthorityListAndCanBeLinkedTo() throws Exception {
        String names = browser.get("/names").body();
        HttpResponse<String> added = browser.post("/names", Map.of("csrf", Browserless.field(names, "csrf"),
                "type", "person", "key", "lettre-author", "name", "Jean Lettre", "variant", "Lettre", "wikidata", ""));
        assertEquals(303, added.statusCode(), added.body());
        assertTrue(AuthorityList.load(archive.authorityList()).entry("lettre-author").isPresent());
        String page = page();
        assertEquals(303, browser.correct(page, "entity-ref", entityOf(page, "Miasnikov"), "lettre-author").statusCode());
        assertTrue(Files.readString(tei()).contains("<person xml:id=\"lettre-author\""), "its copy in the standOff");
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei()));
        assertEquals(400, browser.post("/names", Map.of("csrf", Browserless.field(names, "csrf"), "type", "person",
                "key", "lettre-author", "name", "Again")).statusCode(), "a key taken");
    }

    @Test
    void correctedAndCheckedLinesBecomeGroundTruthAndAScore() throws Exception {
        String page = page();
        assertEquals(303, browser.correct(page, "word", Browserless.wordId(page, "Mqxzrkov"), "Mjasnikov").statusCode());
        page = page();
        assertEquals(303, browser.correct(page, "page-checked", "1", "").statusCode());
        List<GroundTruthLine> lines = new GroundTruth(archive).lines();
        assertEquals(4, lines.size(), "the page's four lines, checked whole");
        assertEquals(1, lines.stream().filter(GroundTruthLine::corrected).count());
        CorrectionScores scores = new CorrectionScores(lines);
        assertEquals(TextMetrics.charEdits("Lettre de Mjasnikov au groupe.", "Lettre de Mqxzrkov au groupe."),
                scores.checkedPages().charEdits());
        assertEquals(1, scores.correctedLines().lines());
        Path out = root.resolve("training");
        assertEquals(4, new TrainingExport().write(lines, out));
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(8, names.size(), names.toString());
            String text = names.stream().filter(n -> n.endsWith(".gt.txt")).map(n -> read(out.resolve(n)))
                    .filter(t -> t.contains("Mjasnikov")).findFirst().orElseThrow();
            assertEquals("Lettre de Mjasnikov au groupe.\n", text);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String page() throws Exception {
        return browser.get("/view/" + ArchiveFixture.ID + "/1").body();
    }

    private Path tei() {
        return archive.document(ArchiveFixture.ID).tei();
    }

    private List<Path> reviewVersions() throws Exception {
        try (Stream<Path> versions = Files.list(archive.document(ArchiveFixture.ID).versions())) {
            return versions.filter(v -> v.getFileName().toString().endsWith("-review")).toList();
        }
    }

    private static String wordTag(String page, String text) {
        int at = page.indexOf(">" + text + "</span>");
        return page.substring(page.lastIndexOf("<span", at), at);
    }

    private static String entityOf(String page, String text) {
        String tag = wordTag(page, text);
        int start = tag.indexOf("data-entity=\"") + "data-entity=\"".length();
        if (start < "data-entity=\"".length()) {
            throw new AssertionError(text + " is no entity: " + tag);
        }
        return tag.substring(start, tag.indexOf('"', start));
    }

    private static String lineIdOf(String page, String text) {
        int at = page.indexOf(">" + text + "</span>");
        int start = page.lastIndexOf("data-line=\"", at) + "data-line=\"".length();
        return page.substring(start, page.indexOf('"', start));
    }
}
