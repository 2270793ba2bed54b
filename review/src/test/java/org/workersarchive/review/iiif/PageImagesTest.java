package org.workersarchive.review.iiif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering within a budget: a page not kept is read by region and subsampling; a render that cannot fit is refused. */
class PageImagesTest {

    @TempDir
    Path dir;

    @Test
    void aPageNotKeptIsReadByRegionAndSubsampled() throws Exception {
        Path page = halfBlack(dir.resolve("page.png"));
        PageImages images = new PageImages(new RenderBudget(1, 64L << 20, 0, Duration.ofSeconds(30), 4096, 1 << 24));

        BufferedImage right = render(images, page, ImageRequest.parse("500,0,500,500", "50,", "0", "gray.png", 1000, 500,
                images.budget()));
        BufferedImage whole = render(images, page, ImageRequest.parse("full", "100,", "0", "gray.png", 1000, 500,
                images.budget()));

        assertEquals(50, right.getWidth());
        assertEquals(50, right.getHeight());
        assertEquals(0xff, right.getRaster().getSample(25, 25, 0), "the white half only");
        assertEquals(100, whole.getWidth());
        assertEquals(0, whole.getRaster().getSample(10, 25, 0), "black on the left");
        assertEquals(0xff, whole.getRaster().getSample(90, 25, 0), "white on the right");
    }

    @Test
    void aRenderThatCouldNeverFitItsMemoryIsRefusedAndAnImageOfAnotherSizeIsNotServed() throws Exception {
        Path page = halfBlack(dir.resolve("page.png"));
        PageImages images = new PageImages(new RenderBudget(1, 1 << 20, 0, Duration.ofSeconds(30), 4096, 1 << 24));

        ImageRequest.Refused refused = assertThrows(ImageRequest.Refused.class, () -> images.render(page, 1000, 500,
                ImageRequest.parse("full", "max", "0", "gray.png", 1000, 500, images.budget())));
        PageImages.Unservable other = assertThrows(PageImages.Unservable.class, () -> images.render(page, 2000, 500,
                ImageRequest.parse("full", "10,", "0", "gray.png", 2000, 500, images.budget())));

        assertTrue(refused.getMessage().contains("more than the server gives renders (1 MB)"), refused.getMessage());
        assertTrue(other.getMessage().contains("is 1000x500 pixels, not the 2000x500"), other.getMessage());
    }

    @Test
    void aRenderWhoseTurnDoesNotComeIsBusyAndTheTurnIsFreedAfter() throws Exception {
        Path page = halfBlack(dir.resolve("page.png"));
        // A render that hangs while it opens its file: a named pipe nobody writes yet.
        Path pipe = dir.resolve("pipe.png");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        PageImages images = new PageImages(new RenderBudget(1, 64L << 20, 0, Duration.ofSeconds(1), 4096, 1 << 24));
        ImageRequest small = ImageRequest.parse("full", "10,", "0", "gray.png", 1000, 500, images.budget());
        ExecutorService hanging = Executors.newSingleThreadExecutor();
        try {
            Future<byte[]> first = hanging.submit(() -> images.render(pipe, 1000, 500, small));
            PageImages.Busy busy = null;
            for (int tries = 0; busy == null && tries < 60; tries++) {
                try {
                    images.render(page, 1000, 500, small);
                    Thread.sleep(500); // the hanging render had not taken its turn yet
                } catch (PageImages.Busy e) {
                    busy = e;
                }
            }
            assertTrue(busy != null && busy.getMessage().contains("every render is taken (1 at once)"));
            Files.write(pipe, new byte[] {1, 2, 3}); // not an image: the hanging render ends
            ExecutionException failed = assertThrows(ExecutionException.class, () -> first.get(60, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof PageImages.Unservable, failed.getCause().toString());
            assertEquals(10, render(images, page, small).getWidth(), "its turn is free again");
        } finally {
            hanging.shutdownNow();
        }
    }

    private static BufferedImage render(PageImages images, Path page, ImageRequest request) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(images.render(page, 1000, 500, request)));
    }

    private static Path halfBlack(Path file) throws Exception {
        BufferedImage image = new BufferedImage(1000, 500, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(500, 0, 500, 500);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
