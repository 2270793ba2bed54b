package org.workersarchive.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;

/**
 * Links planted in the archive that lead out of it, or to a file that is not what its record says,
 * are never served, on any route that reads a file for a response: IIIF's info.json and images, the
 * document's manifest, the archive's files, the reasons of failed inputs. Each is refused with a
 * sentence (404), never a 500.
 */
class ConfinedFilesTest {

    private static final String SECRET = "secret-outside-the-archive";

    @TempDir
    Path root;

    private ArchiveLayout archive;
    private ReviewServer server;
    private Browserless browser;
    private Path outside;

    @BeforeEach
    void serve() throws Exception {
        archive = ArchiveFixture.make(root.resolve("archive"));
        outside = Files.createDirectories(root.resolve("outside"));
        server = ArchiveFixture.serve(archive, true, null);
        browser = new Browserless(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aPageImageLinkedOutOfTheArchiveIsNotServedByIiif() throws Exception {
        Path text = Files.writeString(outside.resolve("passwd"), "root:x:0:0:" + SECRET + "\n");
        relink(pageImage(), text);
        String iiif = "/iiif/3/" + ArchiveFixture.ID + "/1/";

        HttpResponse<String> info = browser.get(iiif + "info.json");
        HttpResponse<String> image = browser.get(iiif + "full/100,/0/default.png");

        assertEquals(404, info.statusCode(), info.body());
        assertEquals(404, image.statusCode(), image.body());
        assertTrue(image.body().contains("has no image in the archive"), image.body());
        assertEquals(404, browser.get("/documents/" + ArchiveFixture.ID + "/pages/p0001.png").statusCode());
    }

    @Test
    void aPageImageLinkedToAnImageOfAnotherSizeIsRefusedWithTheReasonNot500() throws Exception {
        Path small = outside.resolve("small.png");
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY), "png", small.toFile());
        Path inside = Files.copy(small, archive.root().resolve("small.png"));
        String iiif = "/iiif/3/" + ArchiveFixture.ID + "/1/";

        relink(pageImage(), small);
        assertEquals(404, browser.get(iiif + "full/100,/0/default.png").statusCode(), "out of the archive");
        relink(pageImage(), inside);
        HttpResponse<String> other = browser.get(iiif + "full/100,/0/default.png");

        assertEquals(404, other.statusCode(), other.body());
        assertTrue(other.body().contains("is 300x200 pixels, not the 1400x900 its document gives"), other.body());
    }

    @Test
    void aManifestLinkedOutOfTheArchiveIsNotServed() throws Exception {
        Path json = Files.writeString(outside.resolve("secret.json"), "{\"secret\": \"" + SECRET + "\"}");
        relink(archive.document(ArchiveFixture.ID).iiifManifest(), json);

        HttpResponse<String> manifest = browser.get("/documents/" + ArchiveFixture.ID + "/manifest.json");

        assertEquals(404, manifest.statusCode());
        assertFalse(manifest.body().contains(SECRET), manifest.body());
    }

    @Test
    void aFailedInputsReasonLinkedOutOfTheArchiveIsNotShown() throws Exception {
        Path text = Files.writeString(outside.resolve("passwd"), "root:x:0:0:" + SECRET + "\n");
        Files.createDirectories(archive.failed());
        Files.writeString(archive.failed().resolve("scan.png"), "not an image");
        Files.createSymbolicLink(archive.failed().resolve("scan.png.reason.txt"), text);

        HttpResponse<String> failures = browser.get("/failures");

        assertEquals(200, failures.statusCode());
        assertFalse(failures.body().contains(SECRET), failures.body());
        assertTrue(failures.body().contains("not a regular file of the archive"), failures.body());
    }

    private Path pageImage() {
        return archive.document(ArchiveFixture.ID).pages().resolve("p0001.png");
    }

    private static void relink(Path link, Path target) throws Exception {
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
    }
}
