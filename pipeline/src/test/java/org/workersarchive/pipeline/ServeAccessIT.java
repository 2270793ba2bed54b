package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.workersarchive.core.DrawnPages;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * Who the real {@code ./archive serve} process answers, over HTTP: a page that reached it by an
 * outside name resolving to 127.0.0.1 (DNS rebinding) is refused before any session or save; a
 * login form from another site is refused; wrong passwords, through the form or the
 * {@code Authorization: Bearer} header, are refused with 429 after a few from one address, and after
 * many from all addresses together, while the right one from another address still logs in.
 * Clients are told apart by their address: each sends from its own 127.x.y.z. Last, links that
 * lead out of the archive are never served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeAccessIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String ATTACKER = "attacker.example";
    /** Generous: two cores shared with other builds; every wait ends as soon as its condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Pattern WORD = Pattern.compile("data-word=\"([^\"]+)\"");

    @TempDir
    static Path work;

    private Path archive;
    private String id;
    private ArchiveProcess open;
    private int openPort;
    private ArchiveProcess guarded;
    private int guardedPort;

    @BeforeAll
    void makeAnArchiveAndServeIt() throws Exception {
        Path box = Files.createDirectories(work.resolve("box"));
        ImageIO.write(DrawnPages.drawn(List.of("Notice to the printers of the leaflet",
                "and the compositor set it as it stood.")), "png", box.resolve("printers-notice_1925.png").toFile());
        archive = work.resolve("archive");
        assertEquals(0, ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString()));
        try (Stream<Path> folders = Files.list(archive.resolve("documents"))) {
            id = folders.map(f -> f.getFileName().toString()).findFirst().orElseThrow();
        }
        openPort = freePort();
        open = ArchiveProcess.start(work.resolve("open.log"), "256m", "serve", "--archive", archive.toString(),
                "--port", String.valueOf(openPort));
        Path passwordFile = Files.writeString(work.resolve("password"), PASSWORD + "\n");
        guardedPort = freePort();
        guarded = ArchiveProcess.start(work.resolve("guarded.log"), "256m", "serve", "--archive", archive.toString(),
                "--port", String.valueOf(guardedPort), "--read-only", "--password-file", passwordFile.toString());
        waitUntilAnswering(open, openPort);
        waitUntilAnswering(guarded, guardedPort);
    }

    @AfterAll
    void stop() throws Exception {
        for (ArchiveProcess server : new ArchiveProcess[] {open, guarded}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    @Order(1)
    void aPageThatReachedTheServerByAnOutsideNameGetsNoSessionAndSavesNothing() throws Exception {
        RawHttp.Answer rebound = get(openPort, ATTACKER + ":" + openPort, "/view/" + id + "/1", "");
        assertEquals(421, rebound.status(), rebound.body());
        assertTrue(rebound.header("Set-Cookie").isEmpty(), "no session for it");
        assertFalse(rebound.body().contains("<"), "a short plain sentence: " + rebound.body());

        RawHttp.Answer page = get(openPort, "127.0.0.1:" + openPort, "/view/" + id + "/1", "");
        assertEquals(200, page.status());
        String cookie = page.header("Set-Cookie").orElseThrow().split(";")[0];
        String form = correction(page.body());
        Path tei = archive.resolve("documents").resolve(id).resolve("document.tei.xml");
        String before = Files.readString(tei);
        RawHttp.Answer forged = post(openPort, ATTACKER + ":" + openPort, "http://" + ATTACKER + ":" + openPort,
                cookie, form);
        assertEquals(421, forged.status(), "even with a session and its token: " + forged.body());
        assertEquals(before, Files.readString(tei), "nothing saved");

        RawHttp.Answer own = post(openPort, "127.0.0.1:" + openPort, "http://127.0.0.1:" + openPort, cookie, form);
        assertEquals(303, own.status(), "the same form from the server's own page is saved: " + own.body());
        assertTrue(Files.readString(tei).contains("Rebound"));
    }

    @Test
    @Order(2)
    void theServersOwnNamesAreAnsweredAndNoOthers() throws Exception {
        for (String host : List.of("127.0.0.1:" + openPort, "localhost:" + openPort, "LOCALHOST:" + openPort,
                "[::1]:" + openPort)) {
            assertEquals(200, get(openPort, host, "/", "").status(), host);
        }
        for (String host : List.of(ATTACKER, ATTACKER + ":" + openPort, "localhost.attacker.example:" + openPort,
                "127.0.0.1:" + (openPort + 1), "127.0.0.2:" + openPort, "localhost")) {
            assertEquals(421, get(openPort, host, "/", "").status(), host);
        }
        assertEquals(421, get(guardedPort, ATTACKER + ":" + guardedPort, "/login", "").status(), "the login page too");
    }

    @Test
    @Order(3)
    void aLoginFormFromAnotherSiteIsRefused() throws Exception {
        RawHttp.Answer refused = login(RawHttp.client(1), "http://" + ATTACKER + ":" + guardedPort, PASSWORD);
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.header("Set-Cookie").isEmpty());
        RawHttp.Answer own = login(RawHttp.client(1), "http://127.0.0.1:" + guardedPort, PASSWORD);
        assertEquals(303, own.status(), own.body());
        assertTrue(own.header("Set-Cookie").orElse("").startsWith("archive-review="));
    }

    @Test
    @Order(4)
    void wrongPasswordsFromOneAddressAreRefusedAfterAFewThroughTheFormAndTheHeader() throws Exception {
        InetAddress guesser = RawHttp.client(2);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(login(guesser, null, "guess " + i).status());
        }
        assertEquals(401, statuses.get(0), statuses.toString());
        assertEquals(429, statuses.get(7), statuses.toString());
        RawHttp.Answer locked = login(guesser, null, PASSWORD);
        assertEquals(429, locked.status(), "while locked out, not even the right password is tried");
        assertTrue(Integer.parseInt(locked.header("Retry-After").orElseThrow()) >= 1);
        assertEquals(303, login(RawHttp.client(3), null, PASSWORD).status(), "another address logs in at once");

        InetAddress bearer = RawHttp.client(4);
        List<Integer> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(get(guardedPort, "127.0.0.1:" + guardedPort, "/",
                    "\r\nAuthorization: Bearer guess-" + i, bearer).status());
        }
        assertEquals(429, tokens.get(7), tokens.toString());
        RawHttp.Answer right = get(guardedPort, "127.0.0.1:" + guardedPort, "/",
                "\r\nAuthorization: Bearer " + PASSWORD, RawHttp.client(5));
        assertEquals(200, right.status(), "the right token from another address");
    }

    @Test
    @Order(5)
    void aHundredGuessesAtOnceFromOneAddressAreMostlyRefused() throws Exception {
        InetAddress guesser = RawHttp.client(6);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String guess = "parallel " + i;
                answers.add(pool.submit(() -> login(guesser, null, guess).status()));
            }
            int tried = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 401 || status == 429, "answered " + status);
                tried += status == 401 ? 1 : 0;
            }
            assertTrue(tried <= 5, tried + " of 100 guesses were tried");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(6)
    void guessesSpreadOverManyAddressesAreRefusedAllTogether() throws Exception {
        int refused = 0;
        for (int client = 100; client < 140; client++) {
            for (int i = 0; i < 4; i++) {
                RawHttp.Answer answer = get(guardedPort, "127.0.0.1:" + guardedPort, "/",
                        "\r\nAuthorization: Bearer spread-" + client + "-" + i, RawHttp.client(client));
                refused += answer.status() == 429 ? 1 : 0;
            }
        }
        assertTrue(refused > 0, "160 guesses from 40 addresses, four each: none refused");
        RawHttp.Answer fresh = login(RawHttp.client(200), null, "one more guess");
        assertEquals(429, fresh.status(), "an address that never guessed waits too: " + fresh.body());
        assertTrue(fresh.header("Retry-After").isPresent());
    }

    /**
     * Last, as it changes the archive: links planted in the document's folder that lead out of the
     * archive (a page image, the manifest, a file of its own) are never read for an answer, by the
     * IIIF routes or the file routes; before, IIIF served a link out as the page's image.
     */
    @Test
    @Order(7)
    void linksLeadingOutOfTheArchiveAreNeverServed() throws Exception {
        Path document = archive.resolve("documents").resolve(id);
        Path outside = Files.createDirectories(work.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("secret.txt"), "root:x:0:0:the secret\n");
        List<Path> images;
        try (Stream<Path> files = Files.walk(document)) {
            images = files.filter(f -> f.getFileName().toString().equals("p0001.png")).toList();
        }
        assertFalse(images.isEmpty(), "the document's page image");
        for (Path image : images) {
            Path copy = outside.resolve("page-" + images.indexOf(image) + ".png");
            Files.move(image, copy);
            Files.createSymbolicLink(image, copy);
        }
        Path manifest = document.resolve("manifest.json");
        Path outsideManifest = outside.resolve("manifest.json");
        Files.writeString(outsideManifest, "{\"secret\": \"the secret\"}");
        Files.delete(manifest);
        Files.createSymbolicLink(manifest, outsideManifest);
        Files.createSymbolicLink(document.resolve("notes.txt"), secret);

        String host = "127.0.0.1:" + openPort;
        for (String path : List.of("/iiif/3/" + id + "/1/info.json", "/iiif/3/" + id + "/1/full/max/0/default.png",
                "/documents/" + id + "/manifest.json", "/documents/" + id + "/notes.txt",
                "/documents/" + id + "/pages/p0001.png")) {
            RawHttp.Answer answer = get(openPort, host, path, "");
            assertEquals(404, answer.status(), path + ": " + answer.body());
            assertFalse(answer.body().contains("the secret") || answer.body().contains("PNG"), path + ": " + answer.body());
        }
    }

    private RawHttp.Answer login(InetAddress from, String origin, String password) throws IOException {
        String form = "name=Rosa&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return RawHttp.send(from, guardedPort, "POST /login HTTP/1.1\r\nHost: 127.0.0.1:" + guardedPort
                + (origin == null ? "" : "\r\nOrigin: " + origin), form);
    }

    private static RawHttp.Answer get(int port, String host, String path, String headers) throws IOException {
        return get(port, host, path, headers, InetAddress.getLoopbackAddress());
    }

    private static RawHttp.Answer get(int port, String host, String path, String headers, InetAddress from)
            throws IOException {
        return RawHttp.send(from, port, "GET " + path + " HTTP/1.1\r\nHost: " + host + headers, null);
    }

    private RawHttp.Answer post(int port, String host, String origin, String cookie, String form) throws IOException {
        return RawHttp.send(InetAddress.getLoopbackAddress(), port, "POST /view/" + id + "/corrections HTTP/1.1\r\nHost: "
                + host + "\r\nOrigin: " + origin + "\r\nCookie: " + cookie, form);
    }

    /** A correction of the page's first word as the page's form sends it, its token and checksum with it. */
    private static String correction(String page) {
        Matcher word = WORD.matcher(page);
        assertTrue(word.find(), "the page shows its words");
        return "csrf=" + field(page, "csrf") + "&base=" + field(page, "base") + "&page=1&op=word&target="
                + URLEncoder.encode(word.group(1), StandardCharsets.UTF_8) + "&value=Rebound";
    }

    private static String field(String page, String name) {
        Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertTrue(value.find(), "the page has no field " + name);
        return URLEncoder.encode(value.group(1), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static void waitUntilAnswering(ArchiveProcess server, int port) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                RawHttp.send(InetAddress.getLoopbackAddress(), port, "GET /assets/review.js HTTP/1.1\r\nHost: 127.0.0.1:"
                        + port, null);
                return;
            } catch (IOException notYet) {
                if (!server.isAlive() || System.nanoTime() > end) {
                    throw new AssertionError("the server does not answer on port " + port + "; see " + server.log());
                }
                Thread.sleep(200);
            }
        }
    }
}
