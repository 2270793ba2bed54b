package org.workersarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.HostileXml;
import org.workersarchive.core.HostileXml.Attack;

class MediaTypeDetectorTest {

    private final MediaTypeDetector detector = new MediaTypeDetector();

    @TempDir
    Path dir;

    @Test
    void theScanTypesAreToldFromTheirFirstBytes() throws IOException {
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
        for (String format : new String[] {"png", "jpeg", "tiff"}) {
            Path file = dir.resolve("scan.bin");
            ImageIO.write(image, format, file.toFile());
            assertEquals("image/" + format, detector.detect(file));
        }
        Path pdf = dir.resolve("scan.tif");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(pdf.toFile());
        }
        assertEquals("application/pdf", detector.detect(pdf), "from the bytes, whatever the name");
    }

    @Test
    void detectionReadsABoundedHeadOfAnEndlessStream() throws IOException {
        Counting endless = new Counting(InputStream.nullInputStream(), true);
        assertEquals("application/octet-stream", detector.detect(endless));
        assertEquals(MediaTypeDetector.HEAD_BYTES, endless.read);
    }

    @Test
    void aZipBombOrOfficeFileIsNotOpened() throws IOException {
        // A word-processing file whose one part inflates to 200 MB: a container detector would
        // open it; the magic detector sees a ZIP with an OOXML part first and reads 64 KiB of it.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
        }
        Counting office = new Counting(new ByteArrayInputStream(bytes.toByteArray()), false);
        String type = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> detector.detect(office));
        assertEquals("application/x-tika-ooxml", type, "not the word-processing type a container detector finds");
        assertEquals(MediaTypeDetector.HEAD_BYTES, office.read);

        byte[] plainZip = bytes.toByteArray().clone();
        plainZip[30] = 'x'; // the first entry's name no longer says OOXML
        assertEquals("application/zip", detector.detect(new ByteArrayInputStream(plainZip)));
    }

    @Test
    void anXmlFileIsToldWithoutReadingWhatItsDoctypePointsAt() throws IOException {
        try (HostileXml hostile = HostileXml.in(dir)) {
            for (Attack attack : Attack.values()) {
                Path xml = hostile.file("scan.pdf", attack, "TEI",
                        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><p>&attack;</p></TEI>");
                String type = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> detector.detect(xml));
                assertEquals("application/xml", type, attack.name());
            }
            assertEquals(0, hostile.requests(), "no DTD was fetched");
        }
    }

    /** Counts the bytes read; endless streams give zeros for ever. */
    private static final class Counting extends InputStream {
        private final InputStream in;
        private final boolean endless;
        long read;

        Counting(InputStream in, boolean endless) {
            this.in = in;
            this.endless = endless;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = endless ? len : in.read(b, off, len);
            if (endless) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
            }
            read += Math.max(n, 0);
            return n;
        }
    }
}
