package org.workersarchive.review.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Small JPEG thumbnails of page images, as data: URIs, each made once for as long as its image is
 * unchanged. A run rewrites its report.html every minute and at its end, each time with the twenty
 * pages to check first: decoding a page's PNG costs some 70 ms of the pipeline's CPU (the JDK's PNG
 * reader, compiled by C1 only), and the same pages were decoded at every rewrite, the last time while
 * the finished run waited. Only the thumbnails of the last page written are kept, so that a watch
 * that runs for months holds twenty, not one for every page that was ever among the first. Thread-safe.
 */
final class Thumbnails {

    private static final int WIDTH = 160;

    /** A thumbnail, and the image's size and time of change it was made from. */
    private record Made(long size, long modified, Optional<String> dataUri) {
    }

    private final Map<Path, Made> made = new ConcurrentHashMap<>();

    /** The image as a small JPEG data: URI; empty when it cannot be read. */
    Optional<String> of(Path image) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(image, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        Made known = made.get(image);
        if (known != null && known.size() == attributes.size()
                && known.modified() == attributes.lastModifiedTime().toMillis()) {
            return known.dataUri();
        }
        Made fresh = new Made(attributes.size(), attributes.lastModifiedTime().toMillis(), make(image));
        made.put(image, fresh);
        return fresh.dataUri();
    }

    /** Forgets every thumbnail but those of these images. */
    void keepOnly(Collection<Path> images) {
        made.keySet().retainAll(Set.copyOf(images));
    }

    /** How many thumbnails are kept. */
    int kept() {
        return made.size();
    }

    private static Optional<String> make(Path image) {
        try {
            BufferedImage page = Files.isRegularFile(image) ? ImageIO.read(image.toFile()) : null;
            if (page == null) {
                return Optional.empty();
            }
            int height = Math.max(1, page.getHeight() * WIDTH / page.getWidth());
            BufferedImage small = new BufferedImage(WIDTH, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(page, 0, 0, WIDTH, height, null);
            g.dispose();
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(small, "jpeg", jpeg);
            return Optional.of("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg.toByteArray()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
