package org.workersarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.RejectedInputException;

/** What files say of their pages that would otherwise pass in silence: gaps, overlaps and repeats in _pNN names; APNG frames. */
class PageNumberingTest {

    @TempDir
    Path dir;

    @Test
    void aGapAnOverlapAndARepeatInPageNamesAreSaid() throws IOException {
        for (String name : List.of("tract_p01.png", "tract_p02-03.pdf", "tract_p03.png", "tract_p05.png", "tract_p05.tif")) {
            Files.writeString(dir.resolve(name), "x");
        }
        ScanSet tract = ScanSets.setsIn(dir).stream().filter(set -> set.name().equals("tract")).findFirst().orElseThrow();

        List<String> notes = ScanSets.numberingNotes(tract);

        assertEquals(List.of("page 3 is in both tract_p02-03.pdf and tract_p03.png", "page 4 is missing",
                "page 5 is given twice: tract_p05.tif was made a document of its own"), notes);
    }

    @Test
    void aPageTakenByAnotherIssuesSidecarIsSaidToBeTakenByItNotMadeADocumentOfItsOwn() throws IOException {
        for (String name : List.of("issue_p01.png", "issue_p02.png", "issue_p03.png", "other.png")) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.writeString(dir.resolve("other.json"), "{\"files\": [\"other.png\", \"issue_p02.png\"]}");
        ScanSet issue = ScanSets.setsIn(dir).stream().filter(set -> set.name().equals("issue")).findFirst().orElseThrow();

        List<String> notes = ScanSets.numberingNotes(issue);

        assertEquals(List.of("page 2 is missing", "page 2 (issue_p02.png) was taken by the sidecar other.json, which "
                + "lists it in its files: it is a page of that document"), notes);
    }

    @Test
    void pagesThatFollowOneAnotherSayNothing() throws IOException {
        for (String name : List.of("issue_p01.png", "issue_p02-03.pdf", "issue_p04.png")) {
            Files.writeString(dir.resolve(name), "x");
        }
        assertEquals(List.of(), ScanSets.numberingNotes(ScanSets.setsIn(dir).get(0)));
    }

    @Test
    void anAnimatedPngIsRefusedRatherThanReadForItsFirstFrameAlone() throws IOException {
        Path apng = dir.resolve("animated.png");
        Files.write(apng, animated(DrawnPages.drawn(DrawnPages.FRENCH)));

        RejectedInputException e = assertThrows(RejectedInputException.class,
                () -> new Ingestor(IngestConfig.defaults()).ingest(apng, dir.resolve("pages")));

        assertTrue(e.reason().startsWith("animated PNG (APNG) of 2 frames: only its first frame would be read"), e.reason());
    }

    /** The image as an APNG of two frames, both the image: acTL and fcTL before its IDAT, then fcTL and fdAT. */
    private static byte[] animated(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ByteBuffer in = ByteBuffer.wrap(png.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png.toByteArray(), 0, 8);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        in.position(8);
        while (in.remaining() > 0) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt();
            String name = new String(type, StandardCharsets.US_ASCII);
            if (name.equals("IHDR")) {
                chunk(out, name, data);
                chunk(out, "acTL", ByteBuffer.allocate(8).putInt(2).putInt(0).array());
                chunk(out, "fcTL", frameControl(0, image));
            } else if (name.equals("IDAT")) {
                chunk(out, name, data);
                idat.writeBytes(data);
            } else if (name.equals("IEND")) {
                chunk(out, "fcTL", frameControl(1, image));
                chunk(out, "fdAT", ByteBuffer.allocate(4 + idat.size()).putInt(2).put(idat.toByteArray()).array());
                chunk(out, name, data);
            } else {
                chunk(out, name, data);
            }
        }
        return out.toByteArray();
    }

    private static byte[] frameControl(int sequence, BufferedImage image) {
        return ByteBuffer.allocate(26).putInt(sequence).putInt(image.getWidth()).putInt(image.getHeight()).putInt(0)
                .putInt(0).putShort((short) 1).putShort((short) 1).put((byte) 0).put((byte) 0).array();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
