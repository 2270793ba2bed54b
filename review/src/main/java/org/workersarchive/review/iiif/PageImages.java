package org.workersarchive.review.iiif;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.workersarchive.core.BoundingBox;

/**
 * Renders the images a IIIF request asks for from the archive's page images: the region cut out,
 * scaled (bilinear, in steps of halves when it shrinks by more than half, so that text stays
 * legible), as JPEG or PNG, within a {@link RenderBudget}: so many renders at once, each waiting a
 * bounded time for its turn and for the memory it will hold. A page too large to keep is never
 * decoded whole: only the region, and only every n-th pixel when the image returned is n times
 * smaller. A deep-zoom viewer asks for a dozen tiles of one page at once: the last pages decoded
 * whole, within the budget's bytes kept, are kept. Thread-safe.
 */
public final class PageImages {

    private static final float JPEG_QUALITY = 0.85f;
    private static final int KB = 1024;

    /** The page image cannot be served: not an image this server reads, or not the size its record gives. */
    public static final class Unservable extends RuntimeException {
        Unservable(String message) {
            super(message);
        }
    }

    /** No render's turn came within the budget's wait: the client should ask again later (503). */
    public static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    private final RenderBudget budget;
    private final Semaphore renders;
    private final Semaphore memoryKb;
    private final LinkedHashMap<Path, BufferedImage> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long keptBytes;

    public PageImages(RenderBudget budget) {
        this.budget = budget;
        this.renders = new Semaphore(budget.renders(), true);
        this.memoryKb = new Semaphore((int) Math.min(Integer.MAX_VALUE, budget.memoryBytes() / KB), true);
    }

    public RenderBudget budget() {
        return budget;
    }

    /**
     * The requested image's bytes, encoded as the request's format.
     *
     * @param image  the page image, a regular file of the archive
     * @param width  the image's width as the page's record gives it, which the request was parsed for
     * @param height likewise its height
     * @throws Busy       when no render's turn came within the budget's wait
     * @throws Unservable when the file is not an image of that size
     */
    public byte[] render(Path image, int width, int height, ImageRequest request) throws IOException {
        if (!acquire(renders, 1)) {
            throw new Busy("every render is taken (" + budget.renders() + " at once): ask again in a moment");
        }
        try {
            return renderInTurn(image, width, height, request);
        } finally {
            renders.release();
        }
    }

    private byte[] renderInTurn(Path image, int width, int height, ImageRequest request) throws IOException {
        BufferedImage page = kept(image);
        if (page != null) {
            return withMemory(outputBytes(request), () -> finish(page, request.region(), request));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            ImageReader reader = reader(in, image);
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) != width || reader.getHeight(0) != height) {
                    throw new Unservable("the image of this page, " + image.getFileName() + ", is " + reader.getWidth(0)
                            + "x" + reader.getHeight(0) + " pixels, not the " + width + "x" + height + " its document gives");
                }
                return read(reader, image, request, bytesPerPixel(reader.getRawImageType(0)));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The whole page when it is small enough to keep, else only the pixels the request needs. */
    private byte[] read(ImageReader reader, Path image, ImageRequest request, int bytesPerPixel) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pageBytes = (long) width * height * bytesPerPixel;
        if (pageBytes <= budget.keptBytes() / 4) {
            return withMemory(pageBytes + outputBytes(request), () -> {
                BufferedImage page = decoded(reader.read(0), image);
                keep(image, page);
                return finish(page, request.region(), request);
            });
        }
        BoundingBox region = request.region();
        int step = Math.max(1, Math.min(region.width() / request.width(), region.height() / request.height()));
        long decodedPixels = (long) ceilDiv(region.width(), step) * ceilDiv(region.height(), step);
        return withMemory(decodedPixels * bytesPerPixel * 3 / 2 + outputBytes(request), () -> {
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(new Rectangle(region.x(), region.y(), region.width(), region.height()));
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage part = decoded(reader.read(0, param), image);
            return finish(part, new BoundingBox(0, 0, part.getWidth(), part.getHeight()), request);
        });
    }

    private interface Render {
        byte[] run() throws IOException;
    }

    /** Runs the render once the memory it will hold is free; refuses one that could never fit. */
    private byte[] withMemory(long bytes, Render render) throws IOException {
        int kb = (int) Math.min(Integer.MAX_VALUE, (bytes + KB - 1) / KB);
        if (kb > budget.memoryBytes() / KB) {
            throw new ImageRequest.Refused("this image needs " + (bytes >> 20) + " MB to render, more than the server "
                    + "gives renders (" + (budget.memoryBytes() >> 20) + " MB): ask for a smaller size or region");
        }
        if (!acquire(memoryKb, kb)) {
            throw new Busy("the memory for rendering is taken by other images: ask again in a moment");
        }
        try {
            return render.run();
        } finally {
            memoryKb.release(kb);
        }
    }

    private boolean acquire(Semaphore semaphore, int permits) {
        try {
            return semaphore.tryAcquire(permits, budget.turnWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] finish(BufferedImage source, BoundingBox region, ImageRequest request) throws IOException {
        BufferedImage cut = source.getSubimage(region.x(), region.y(), region.width(), region.height());
        return encode(scale(cut, request.width(), request.height()), request.format());
    }

    /** The image returned, and its encoding, held at once: 4 bytes a pixel each at most. */
    private static long outputBytes(ImageRequest request) {
        return (long) request.width() * request.height() * 8;
    }

    private static ImageReader reader(ImageInputStream in, Path image) {
        Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
        if (readers == null || !readers.hasNext()) {
            throw new Unservable("not an image the server can read: " + image.getFileName());
        }
        return readers.next();
    }

    private static BufferedImage decoded(BufferedImage read, Path image) {
        if (read == null) {
            throw new Unservable("not an image the server can read: " + image.getFileName());
        }
        return read;
    }

    /** The bytes a decoded pixel takes; 4 when the reader does not say. */
    private static int bytesPerPixel(ImageTypeSpecifier type) {
        return type == null ? 4 : Math.max(1, ceilDiv(type.getColorModel().getPixelSize(), 8));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private BufferedImage kept(Path image) {
        synchronized (kept) {
            return kept.get(image);
        }
    }

    private void keep(Path image, BufferedImage page) {
        synchronized (kept) {
            BufferedImage before = kept.put(image, page);
            keptBytes += bytesOf(page) - (before == null ? 0 : bytesOf(before));
            Iterator<BufferedImage> eldest = kept.values().iterator();
            while (keptBytes > budget.keptBytes() && eldest.hasNext()) {
                keptBytes -= bytesOf(eldest.next());
                eldest.remove();
            }
        }
    }

    private static long bytesOf(BufferedImage image) {
        return (long) image.getWidth() * image.getHeight() * Math.max(1, ceilDiv(image.getColorModel().getPixelSize(), 8));
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
