package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.export.FormatChecks;
import org.workersarchive.export.TeiValidator;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * The review server as a person uses it: a real batch (real Tesseract) makes an archive of the
 * French sample page and a leaflet whose text reads {@code <script>…</script>}; the real
 * {@code ./archive serve} process serves it; a real headless Chromium (Debian's, driven through its
 * chromedriver by Selenium) opens the document, sees its image and its text, corrects a word and
 * reloads; the new version's TEI is valid against tei_all and has the word, as do its ALTO and the
 * search; the script in the OCR text stays text; a request for ../../etc/passwd is refused; a
 * correction on a page another save changed is refused with what was typed kept. A screenshot of
 * the document page is kept in target/review-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewBrowserIT {

    private static final Path SCANS = Path.of("..", "samples", "bundled", "scans").toAbsolutePath().normalize();
    private static final String FRENCH = "ouvrier-communiste_1930-03_n06-07_p01.png";
    private static final String SCRIPT_TEXT = "<script>alert(1)</script>";
    /** Generous: two cores shared with other builds; every wait ends as soon as its condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Path SCREENSHOTS = Path.of("target", "review-screenshots");

    @TempDir
    static Path work;

    private Path archive;
    private ArchiveProcess server;
    private String base;
    private ChromeDriver browser;

    @BeforeAll
    void makeAnArchiveServeItAndOpenABrowser() throws Exception {
        Path box = Files.createDirectories(work.resolve("box"));
        Files.copy(SCANS.resolve(FRENCH), box.resolve(FRENCH));
        ImageIO.write(DrawnPages.drawn(List.of("Notice to the printers of the leaflet",
                "The editor wrote " + SCRIPT_TEXT + " here", "and the compositor set it as it stood.")), "png",
                box.resolve("printers-notice_1925.png").toFile());
        archive = work.resolve("archive");
        assertEquals(0, ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString()));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/";
        server = ArchiveProcess.start(work.resolve("serve.log"), "512m", "serve", "--archive", archive.toString(),
                "--port", String.valueOf(port));
        waitUntil(() -> answers(base), "the server answers on " + base + "; see " + server.log());
        browser = chromium();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void theDocumentShowsItsImageAndItsText() throws IOException {
        browser.get(base);
        assertEquals(2, browser.findElements(By.cssSelector("#document-list tbody tr")).size());
        browser.findElement(By.linkText("L'Ouvrier Communiste")).click();
        waitForImage();
        String text = browser.findElement(By.id("text")).getText();
        assertTrue(text.contains("Nous apprenons que le camarade"), text);
        assertFalse(browser.findElements(By.cssSelector("#viewer canvas")).isEmpty(), "the viewer draws the image");
        assertFalse(browser.findElements(By.cssSelector(".ov-line")).isEmpty(), "lines boxed on the image");
        assertFalse(browser.findElements(By.cssSelector("#text .ent-person")).isEmpty(), "a person coloured");
        assertTrue(browser.findElement(By.cssSelector("#entities a.authority")).getAttribute("href").contains("/authority/"));
        screenshot("document-page.png");
    }

    @Test
    @Order(2)
    void aWordCorrectedInTheBrowserIsInTheNewTeiTheAltoAndTheSearch() throws IOException {
        String id = documentId("ouvrier-communiste");
        browser.get(base + "view/" + id + "/1");
        waitForImage();
        WebElement word = browser.findElement(By.xpath("//span[contains(@class,'w') and text()='apprenons']"));
        word.click();
        WebElement input = browser.findElement(By.id("editor-value"));
        assertEquals("apprenons", input.getAttribute("value"));
        input.clear();
        input.sendKeys("apprîmes");
        browser.findElement(By.id("editor-save")).click();
        await(() -> !browser.findElements(By.id("flash")).isEmpty(), "the page says the correction was saved");
        assertTrue(browser.findElement(By.id("flash")).getText().startsWith("Saved as version"));
        browser.navigate().refresh();
        waitForImage();
        assertTrue(browser.findElement(By.id("text")).getText().contains("Nous apprîmes que le camarade"));

        Path folder = archive.resolve("documents").resolve(id);
        Path version = onlyReviewVersion(folder);
        Path tei = folder.resolve("document.tei.xml");
        String teiText = Files.readString(tei);
        assertTrue(teiText.contains("Nous apprîmes que") && !teiText.contains("Nous apprenons que"),
                "the TEI in place has the word");
        assertTrue(teiText.contains("type=\"correction\"") && teiText.contains("Corrected in the review server by"));
        assertEquals(List.of(), FormatChecks.teiAll().validate(tei));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei));
        assertTrue(Files.readString(version.resolve("alto/p0001.xml")).contains("CONTENT=\"apprîmes\""));
        FormatChecks.Report checks = FormatChecks.check(version);
        assertEquals(List.of(), checks.problems());
        assertEquals(1, checks.tei());

        browser.get(base + "search?q=apprîmes");
        assertEquals("1 hit(s)", browser.findElement(By.id("hit-count")).getText());
        browser.get(base + "search?q=apprenons");
        assertEquals("0 hit(s)", browser.findElement(By.id("hit-count")).getText());
    }

    @Test
    @Order(3)
    void aScriptInTheOcrTextStaysText() {
        String id = documentId("printers-notice");
        browser.get(base + "view/" + id + "/1");
        waitForImage();
        assertTrue(browser.findElement(By.id("text")).getText().contains(SCRIPT_TEXT),
                "the OCR read the script tag, and the page shows it as text");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        Object scripts = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.scripts).map(s => s.getAttribute('src')).join(' ')");
        assertEquals("/assets/openseadragon/openseadragon.min.js /assets/review.js", scripts);
    }

    @Test
    @Order(4)
    void aPathOutOfTheArchiveIsRefused() throws IOException {
        for (String path : List.of("/documents/../../etc/passwd", "/documents/%2e%2e/%2e%2e/etc/passwd",
                "/documents/..%2f..%2fetc%2fpasswd", "/runs/../../../etc/passwd", "/assets/../../../../etc/passwd")) {
            String answer = rawGet(path);
            String status = answer.substring(0, answer.indexOf('\r'));
            assertTrue(status.contains(" 400 ") || status.contains(" 404 "), path + ": " + status);
            assertFalse(answer.contains("root:"), path + " leaked /etc/passwd");
        }
        browser.get(base + "documents/../../etc/passwd");
        assertFalse(browser.getPageSource().contains("root:"));
    }

    @Test
    @Order(5)
    void aCorrectionOnAPageAnotherSaveChangedIsRefusedAndWhatWasTypedIsKept() throws Exception {
        String id = documentId("ouvrier-communiste");
        browser.get(base + "view/" + id + "/1");
        waitForImage();
        saveAsSomeoneElse(id, "camarade", "camarades");
        browser.findElement(By.xpath("//span[contains(@class,'w') and text()='fondateur']")).click();
        WebElement input = browser.findElement(By.id("editor-value"));
        input.clear();
        input.sendKeys("fondatcur");
        browser.findElement(By.id("editor-save")).click();
        await(() -> !browser.findElements(By.id("error")).isEmpty(), "the page says why nothing was saved");
        assertTrue(browser.findElement(By.id("error")).getText().contains("changed since you opened it"));
        assertEquals("fondatcur", browser.findElement(By.id("unsaved")).getAttribute("value"));
        assertTrue(Files.readString(archive.resolve("documents").resolve(id).resolve("document.tei.xml"))
                .contains("camarades"), "the other save is in place, not overwritten");
    }

    /** Another person's save, through the server's own forms, in a session of its own. */
    private void saveAsSomeoneElse(String id, String word, String replacement) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "view/" + id + "/1")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String wordId = between(page, "data-word=\"", "\"", page.indexOf(">" + word + "</span>") - 200);
        String form = "csrf=" + value(page, "csrf") + "&base=" + value(page, "base") + "&page=1&op=word&target="
                + wordId + "&value=" + replacement;
        HttpResponse<String> saved = client.send(HttpRequest.newBuilder(URI.create(base + "view/" + id + "/corrections"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, saved.statusCode(), saved.body());
    }

    private static String value(String page, String name) {
        return between(page, "name=\"" + name + "\" value=\"", "\"", 0);
    }

    private static String between(String text, String before, String after, int from) {
        int start = text.indexOf(before, Math.max(0, from)) + before.length();
        return text.substring(start, text.indexOf(after, start));
    }

    private String documentId(String prefix) {
        try (Stream<Path> folders = Files.list(archive.resolve("documents"))) {
            return folders.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix)).findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Path onlyReviewVersion(Path folder) throws IOException {
        try (Stream<Path> versions = Files.list(folder.resolve("versions"))) {
            List<Path> review = versions.filter(v -> v.getFileName().toString().endsWith("-review")).toList();
            assertEquals(1, review.size(), review.toString());
            return review.get(0);
        }
    }

    private void waitForImage() {
        await(() -> "yes".equals(((JavascriptExecutor) browser).executeScript("return document.body.dataset.imageLoaded")),
                "the page image is drawn");
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The bytes as sent: no client library in between to tidy the path first. */
    private String rawGet(String path) throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1600,1000", "--user-data-dir=" + work.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        return driver;
    }

    private static boolean answers(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits, as long as it takes up to {@link #WAIT}, until the condition holds. */
    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s in vain until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!server.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("waited in vain until " + what);
            }
            Thread.sleep(200);
        }
        assertNotNull(server);
    }
}
