package org.workersarchive.review.iiif;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders the images a IIIF request asks for from the archive's page images: the region cut out,
 * scaled (bilinear, in steps of halves when it shrinks by more than half, so that text stays
 * legible), as JPEG or PNG. A deep-zoom viewer asks for a dozen tiles of one page at once: the
 * last few decoded pages are kept. Thread-safe.
 */
public final class PageImages {

    /** Decoded pages kept: a gray A4 page at 300 dpi is 8.7 MB of pixels. */
    private static final int KEPT = 6;
    private static final float JPEG_QUALITY = 0.85f;

    private final Map<Path, BufferedImage> decoded = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, BufferedImage> eldest) {
            return size() > KEPT;
        }
    };

    /** The requested image's bytes, encoded as the request's format. */
    public byte[] render(Path image, ImageRequest request) throws IOException {
        BufferedImage page = decode(image);
        BufferedImage region = page.getSubimage(request.region().x(), request.region().y(),
                request.region().width(), request.region().height());
        BufferedImage scaled = scale(region, request.width(), request.height());
        return encode(scaled, request.format());
    }

    private BufferedImage decode(Path image) throws IOException {
        synchronized (decoded) {
            BufferedImage kept = decoded.get(image);
            if (kept != null) {
                return kept;
            }
        }
        BufferedImage read = ImageIO.read(image.toFile());
        if (read == null) {
            throw new IOException("not an image the server can read: " + image.getFileName());
        }
        synchronized (decoded) {
            decoded.put(image, read);
        }
        return read;
    }

    private static BufferedImage scale(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == width && current.getHeight() == height && current != source ? current
                : draw(current, width, height);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        int type = source.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB;
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (format.equals("png")) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
