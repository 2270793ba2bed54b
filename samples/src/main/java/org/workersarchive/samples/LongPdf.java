package org.workersarchive.samples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * An image-only PDF of many pages, as a scanner makes of a whole bound volume, for the memory
 * benchmark: each page a JPEG of one of the sample texts printed degraded (eight different pages
 * in turn, each page its own image object). Written through a temporary-file cache, so that the
 * generator itself holds no more than a page.
 */
public final class LongPdf {

    private static final int DISTINCT_PAGES = 8;
    private static final float DPI = 300;

    private LongPdf() {
    }

    /** Usage: {@code LongPdf OUT.pdf PAGES}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LongPdf OUT.pdf PAGES");
            System.exit(2);
        }
        int pages = Integer.parseInt(args[1]);
        write(Path.of(args[0]), pages);
        System.out.println(pages + " pages in " + args[0]);
    }

    static void write(Path target, int pages) throws IOException {
        List<byte[]> jpegs = distinctPages();
        try (PDDocument pdf = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            for (int n = 0; n < pages; n++) {
                PDImageXObject image = JPEGFactory.createFromByteArray(pdf, jpegs.get(n % jpegs.size()));
                float width = image.getWidth() * 72f / DPI;
                float height = image.getHeight() * 72f / DPI;
                PDPage page = new PDPage(new PDRectangle(width, height));
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(image, 0, 0, width, height);
                }
            }
            pdf.save(target.toFile());
        }
    }

    /** The sample texts printed degraded, as JPEG files' bytes. */
    private static List<byte[]> distinctPages() throws IOException {
        List<BenchmarkPages.Printable> texts = BenchmarkPages.printables();
        Random random = new Random(SampleGenerator.BUNDLED_SEED);
        List<byte[]> jpegs = new ArrayList<>();
        for (int i = 0; i < DISTINCT_PAGES; i++) {
            BenchmarkPages.Printable text = texts.get(i % texts.size());
            BufferedImage page = BenchmarkPages.print(text, texts.get((i + 1) % texts.size()),
                    BenchmarkPages.Condition.degraded, random, new ArrayList<>());
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(page, "jpeg", jpeg);
            jpegs.add(jpeg.toByteArray());
        }
        return jpegs;
    }
}
