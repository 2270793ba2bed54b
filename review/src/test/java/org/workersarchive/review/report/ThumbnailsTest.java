package org.workersarchive.review.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailsTest {

    @TempDir
    Path dir;

    @Test
    void aPageImageIsDecodedOnceWhileItIsUnchangedAndAgainOnceItChanges() throws IOException {
        Path image = dir.resolve("p0001.png");
        page(image);
        FileTime written = Files.getLastModifiedTime(image);
        Thumbnails thumbnails = new Thumbnails();
        String white = thumbnails.of(image).orElseThrow();
        assertTrue(white.startsWith("data:image/jpeg;base64,"));

        // Other bytes (no PNG at all), the same size and time of change: the thumbnail made before is given again.
        Files.write(image, new byte[(int) Files.size(image)]);
        Files.setLastModifiedTime(image, written);
        assertEquals(Optional.of(white), thumbnails.of(image));

        Files.setLastModifiedTime(image, FileTime.fromMillis(written.toMillis() + 2000));
        assertEquals(Optional.empty(), thumbnails.of(image), "a changed image is read again");
    }

    @Test
    void onlyTheThumbnailsOfTheLastPageWrittenAreKept() throws IOException {
        Path one = dir.resolve("p0001.png");
        Path two = dir.resolve("p0002.png");
        page(one);
        page(two);
        Thumbnails thumbnails = new Thumbnails();
        thumbnails.of(one);
        thumbnails.of(two);
        assertEquals(2, thumbnails.kept());
        thumbnails.keepOnly(List.of(two));
        assertEquals(1, thumbnails.kept());
    }

    @Test
    void anImageThatCannotBeReadHasNoThumbnail() throws IOException {
        assertEquals(Optional.empty(), new Thumbnails().of(dir.resolve("missing.png")));
        assertEquals(Optional.empty(), new Thumbnails().of(Files.writeString(dir.resolve("p0002.png"), "not a PNG")));
    }

    private static void page(Path file) throws IOException {
        BufferedImage image = new BufferedImage(400, 600, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 600);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
