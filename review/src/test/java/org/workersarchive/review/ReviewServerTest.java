package org.workersarchive.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.export.IiifConfig;
import org.workersarchive.export.TeiConfig;

/**
 * The server read-only, over real HTTP: the list, a page with its words, names and doubtful words,
 * text from a scan escaped, IIIF images and manifests, and what it refuses: paths out of the
 * archive, forms without their token, writes to a read-only archive, other addresses without a
 * password, and everything before logging in when it has one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewServerTest {

    @TempDir
    static Path root;

    private ArchiveLayout archive;
    private ReviewServer server;
    private Browserless browser;

    @BeforeAll
    void serve() throws Exception {
        archive = ArchiveFixture.make(root.resolve("archive"));
        server = ArchiveFixture.serve(archive, true, null);
        browser = new Browserless(server.port());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theListAndThePageShowTheDocumentWithItsWordsNamesAndDoubtfulWords() throws Exception {
        HttpResponse<String> list = browser.get("/");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("href=\"/view/" + ArchiveFixture.ID + "/1\""), list.body());
        assertTrue(list.body().contains("The archive: 1 of 1 documents"));
        assertEquals(0, browser.get("/?language=ru").body().split("data-id=").length - 1, "no Russian document");
        assertEquals(400, browser.get("/?from=last+year").statusCode());

        String page = browser.get("/view/" + ArchiveFixture.ID + "/1").body();
        assertTrue(page.contains("class=\"w doubtful\""), "camarade, read at 42, is doubtful");
        assertTrue(page.contains("class=\"w ent ent-person\""), "Miasnikov is a person");
        assertTrue(page.contains("href=\"/authority/myasnikov\""), "linked to the authority entry");
        assertTrue(page.contains("https://www.wikidata.org/wiki/Q"), "and to Wikidata");
        assertTrue(page.contains("data-info=\"/iiif/3/" + ArchiveFixture.ID + "/1/info.json\""));
        assertFalse(page.contains("id=\"editor\""), "no correction form on a read-only server");
        assertEquals(404, browser.get("/view/" + ArchiveFixture.ID + "/2").statusCode());
        assertEquals(404, browser.get("/view/no-such-document/1").statusCode());
    }

    @Test
    void textFromAScanIsEscapedNeverMarkUp() throws Exception {
        String page = browser.get("/view/" + ArchiveFixture.ID + "/1").body();
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the OCR's script shows as text");
        assertFalse(page.contains("<script>alert"), "and is never mark-up");
        HttpResponse<String> search = browser.get("/search?q=%3Cscript%3E+alert");
        assertFalse(search.body().contains("<script>alert"));
        assertTrue(search.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }

    @Test
    void theSearchFindsLinesAndNamesWithAccentsFolded() throws Exception {
        String lines = browser.get("/search?q=arrete+moscou").body();
        assertTrue(lines.contains("1 hit(s)"), lines);
        assertTrue(lines.contains("?hl=p1_l"), "the hit links to its line on the page");
        assertTrue(lines.contains("/iiif/3/" + ArchiveFixture.ID + "/1/"), "and shows it cut from the image");
        String names = browser.get("/search?in=names&type=place&q=moscou").body();
        assertTrue(names.contains("1 hit(s)"), names);
        assertTrue(browser.get("/search?in=names&type=person&q=moscou").body().contains("0 hit(s)"));
        assertTrue(browser.get("/search?q=%21%21+-").body().contains("0 hit(s)"), "nothing searchable, no failure");
    }

    @Test
    void aSearchOfTooManyWordsIsRefusedWithTheirNumberNotAFailure() throws Exception {
        String words = String.join("+", java.util.Collections.nCopies(1_100, "mot"));
        HttpResponse<String> refused = browser.get("/search?q=" + words);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("too many words to search for: 1,100, at most 1,000"), refused.body());
        assertFalse(refused.body().contains("Exception"), refused.body());
    }

    @Test
    void pageImagesComeThroughTheIiifImageApiAtLevelOne() throws Exception {
        String prefix = "/iiif/3/" + ArchiveFixture.ID + "/1/";
        String info = browser.get(prefix + "info.json").body();
        assertTrue(info.contains("\"profile\" : \"level1\"") && info.contains("\"width\" : 1400"), info);
        HttpResponse<byte[]> tile = browser.bytes(prefix + "100,50,400,200/200,/0/default.jpg");
        assertEquals(200, tile.statusCode());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(tile.body()));
        assertEquals(List.of(200, 100), List.of(image.getWidth(), image.getHeight()));
        HttpResponse<byte[]> full = browser.bytes(prefix + "full/max/0/default.png");
        assertEquals(1400, ImageIO.read(new ByteArrayInputStream(full.body())).getWidth());
        assertEquals(400, browser.get(prefix + "full/max/90/default.jpg").statusCode(), "no rotation at level 1");
        assertEquals(400, browser.get(prefix + "0,0,100,100/200,/0/default.jpg").statusCode(), "no upscaling");
        assertEquals(400, browser.get(prefix + "pct:0,0,50,50/max/0/default.jpg").statusCode());
        String manifest = browser.get("/documents/" + ArchiveFixture.ID + "/manifest.json").body();
        assertTrue(manifest.contains("\"type\" : \"ImageService3\""), "each image with its service");
        assertTrue(manifest.contains("http://127.0.0.1:" + server.port() + "/documents/" + ArchiveFixture.ID),
                "its URLs on this server");
    }

    @Test
    void everyPathIsConfinedToTheArchive() throws Exception {
        assertEquals(200, browser.get("/documents/" + ArchiveFixture.ID + "/document.tei.xml").statusCode());
        Path link = archive.document(ArchiveFixture.ID).root().resolve("passwd.xml");
        Files.createSymbolicLink(link, Path.of("/etc/passwd"));
        for (String path : List.of("/documents/../../etc/passwd", "/documents/%2e%2e/%2e%2e/etc/passwd",
                "/documents/..%2F..%2Fetc%2Fpasswd", "/documents/" + ArchiveFixture.ID + "/passwd.xml",
                "/documents/" + ArchiveFixture.ID + "/.." + "/../authority.xml", "/assets/..%2F..%2Fpom.xml",
                "/scans/tract_1923.png", "/.pipeline.lock", "/documents/" + ArchiveFixture.ID + "/%2e%2e")) {
            String answer = browser.raw("GET " + path + " HTTP/1.1");
            String status = answer.substring(0, answer.indexOf('\r'));
            assertTrue(status.contains(" 400 ") || status.contains(" 404 "), path + ": " + status);
            assertFalse(answer.contains("root:"), path);
        }
    }

    @Test
    void changesAreRefusedWithoutTheFormsTokenAndOnAReadOnlyServer() throws Exception {
        String page = browser.get("/view/" + ArchiveFixture.ID + "/1").body();
        assertEquals(403, browser.post("/session/name", Map.of("name", "Mallory")).statusCode(), "no token");
        assertEquals(303, browser.post("/session/name", Map.of("name", "Rosa", "csrf",
                Browserless.field(page, "csrf"))).statusCode());
        HttpResponse<String> refused = browser.post("/view/" + ArchiveFixture.ID + "/corrections", Map.of(
                "csrf", Browserless.field(page, "csrf"), "base", "0".repeat(64), "page", "1", "op", "word",
                "target", "p1_w1", "value", "Vous"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("read-only"), refused.body());
    }

    @Test
    void otherAddressesNeedAPasswordAndAPasswordNeedsALogin() throws Exception {
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> new ReviewConfig(
                archive.root(), "0.0.0.0", 0, true, null, TeiConfig.defaults(), IiifConfig.defaults(), null, NameModels.none()));
        assertTrue(open.getMessage().contains("--password-file"), open.getMessage());
        try (ReviewServer guarded = ArchiveFixture.serve(archive, true, "correct horse")) {
            Browserless visitor = new Browserless(guarded.port());
            assertEquals(303, visitor.get("/").statusCode());
            assertEquals(303, visitor.get("/documents/" + ArchiveFixture.ID + "/document.tei.xml").statusCode());
            assertEquals(401, visitor.post("/login", Map.of("name", "Rosa", "password", "wrong")).statusCode());
            assertEquals(303, visitor.post("/login", Map.of("name", "Rosa", "password", "correct horse")).statusCode());
            HttpResponse<String> list = visitor.get("/");
            assertEquals(200, list.statusCode());
            assertTrue(list.body().contains("<strong id=\"who\">Rosa</strong>"));
        }
    }
}
