package org.workersarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.workersarchive.ingest.BadInputs.PAPER;
import static org.workersarchive.ingest.BadInputs.TEXT_AREA;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.ingest.BadInputs.PngChunk;
import org.workersarchive.ingest.BadInputs.TiffFrame;

/**
 * Every kind of bad input the ingest stage meets: each is either processed into normal page
 * images or rejected with a reason an archivist understands; the input is never changed (its
 * bytes and modification time are checked after every case), and a rejected input leaves no page
 * image and no page folder behind. Every input is generated here (see {@link BadInputs}).
 */
class BadInputTest {

    /** An input's modification time is set to this first, so that any write would show. */
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

    @TempDir
    Path dir;

    private final Ingestor ingestor = new Ingestor(IngestConfig.defaults());

    // --- 1, 2: empty and truncated files ----------------------------------------------------------

    @Test
    void anEmptyFileIsRejected() throws IOException {
        assertEquals("empty file", rejection(Files.createFile(dir.resolve("empty.pdf"))));
        assertEquals("empty file", rejection(Files.createFile(dir.resolve("empty.png"))));
    }

    @Test
    void aTruncatedPdfIsRejectedAsDamaged() throws IOException {
        Path whole = BadInputs.save(BadInputs.textPdf(PDRectangle.A4, "Le Groupe ouvrier et la KAPD, 1924"),
                dir.resolve("whole.pdf"));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(bytes, bytes.length / 3));
        // PDFBox's lenient parser alone makes a page of what arrived: the reason is ingest's own.
        assertEquals("damaged PDF: the file is cut short (its end marker %%EOF is missing)", rejection(truncated));
    }

    @Test
    void aPdfOfGarbageIsRejectedAsDamagedWithPdfBoxsReason() throws IOException {
        byte[] garbage = new byte[4000];
        new Random(3).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.pdf"), concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII),
                garbage, "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        String reason = rejection(file);
        assertTrue(reason.startsWith("damaged PDF: ") && reason.length() > "damaged PDF: ".length() + 10, reason);
    }

    // --- 3: a broken cross-reference table ---------------------------------------------------------

    @Test
    void aPdfWhoseCrossReferenceTableIsBrokenIsRepairedAndRead() throws IOException {
        List<String> text = List.of("Le Groupe ouvrier et la KAPD, 1924", "Manifeste du Groupe ouvrier du PCR");
        Path sound = BadInputs.save(BadInputs.textPdf(PDRectangle.A4, text.toArray(String[]::new)),
                dir.resolve("sound.pdf"));
        Path startxrefWrong = BadInputs.withStartXrefMoved(sound, dir.resolve("startxref-wrong.pdf"), 57);
        Path entriesWrong = BadInputs.withXrefEntriesShifted(sound, dir.resolve("entries-wrong.pdf"), 9);

        for (Path broken : List.of(startxrefWrong, entriesWrong)) {
            Document document = processed(broken);
            assertEquals(2, document.pages().size(), broken.getFileName().toString());
            assertEquals(text, document.pages().stream()
                    .map(page -> page.lines().map(Line::text).findFirst().orElse("")).toList(),
                    "PDFBox's lenient parser found every object again: " + broken.getFileName());
        }
    }

    // --- 4: encryption ----------------------------------------------------------------------------

    @Test
    void aPdfRestrictedOnlyByAnOwnerPasswordIsReadNormally() throws IOException {
        Path file = dir.resolve("owner-only.pdf");
        try (PDDocument doc = BadInputs.textPdf(PDRectangle.A4, "Le Groupe ouvrier et la KAPD, 1924")) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            permissions.setCanPrint(false);
            permissions.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", permissions);
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        try (PDDocument opened = Loader.loadPDF(file.toFile(), "")) {
            assertTrue(opened.isEncrypted(), "the test file really is encrypted");
            assertFalse(opened.getCurrentAccessPermission().canExtractContent(), "and restricted");
        }

        Document document = processed(file);

        Page page = document.pages().get(0);
        assertEquals(TextOrigin.TEXT_LAYER, page.textOrigin(), "the archive keeps the text the restriction covers");
        assertEquals("Le Groupe ouvrier et la KAPD, 1924", page.lines().findFirst().orElseThrow().text());
    }

    @Test
    void aPdfThatNeedsAPasswordToOpenIsRejected() throws IOException {
        Path file = dir.resolve("user-password.pdf");
        try (PDDocument doc = BadInputs.textPdf(PDRectangle.A4, "Le Groupe ouvrier et la KAPD, 1924")) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "reader-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        assertEquals("encrypted PDF: a password is needed to open it", rejection(file));
    }

    // --- 5, 6: no pages, too many pages -----------------------------------------------------------

    @Test
    void aPdfWithoutPagesIsRejected() throws IOException {
        Path file = dir.resolve("no-pages.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.save(file.toFile()); // a page tree with no kids and a count of 0
        }
        PDDocument lying = new PDDocument();
        lying.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES).setInt(COSName.COUNT, 3);
        Path countWithoutKids = BadInputs.save(lying, dir.resolve("count-without-kids.pdf"));
        PDDocument treeless = new PDDocument();
        treeless.getDocumentCatalog().getCOSObject().removeItem(COSName.PAGES);
        Path noPageTree = BadInputs.save(treeless, dir.resolve("no-page-tree.pdf"));

        assertEquals("PDF has no pages", rejection(file));
        assertTrue(rejection(countWithoutKids).startsWith("damaged PDF: page 1 is missing from its page tree"),
                rejection(countWithoutKids));
        assertEquals("damaged PDF: Page tree root must be a dictionary", rejection(noPageTree), "PDFBox's words");
    }

    @Test
    void aPdfOfThousandsOfPagesIsRejectedBeforeAnyPageIsRendered() throws IOException {
        Path file = BadInputs.blankPdf(dir.resolve("thousands.pdf"), 2500);
        assertEquals(2000, IngestConfig.defaults().maxPages());
        assertEquals("too many pages: 2500 (limit 2000)", rejectionBeforeAnyPageIsWritten(ingestor, file));
    }

    @Test
    void thePageLimitIsTheConfiguredOne() throws IOException {
        Path pdf = BadInputs.blankPdf(dir.resolve("three.pdf"), 3);
        Ingestor twoPages = new Ingestor(new IngestConfig(300, 2));
        assertEquals("too many pages: 3 (limit 2)", rejectionBeforeAnyPageIsWritten(twoPages, pdf));

        Path tiff = BadInputs.tiff(dir.resolve("three.tif"), BadInputs.textImage(BufferedImage.TYPE_BYTE_GRAY),
                BadInputs.textImage(BufferedImage.TYPE_BYTE_GRAY), BadInputs.textImage(BufferedImage.TYPE_BYTE_GRAY));
        assertEquals("too many pages: more than 2 (limit 2)", rejectionBeforeAnyPageIsWritten(twoPages, tiff));
        assertEquals(3, processed(tiff).pages().size(), "within the default limit");
    }

    @Test
    void aTiffWhoseListOfPagesLoopsIsRejected() throws IOException {
        // The JDK's reader alone follows such a chain until memory runs out (about a minute here).
        Path file = Files.write(dir.resolve("loop.tif"), BadInputs.tiff(List.of(TiffFrame.white(100, 100)), true));
        assertEquals("damaged TIFF: its list of pages loops back on itself", rejectionBeforeAnyPageIsWritten(ingestor, file));
    }

    /** The check of the checks above: with the trap set, writing any page image fails otherwise. */
    @Test
    void theTrapCatchesAPageImageBeingWritten() throws IOException {
        Path file = BadInputs.blankPdf(dir.resolve("one.pdf"), 1);
        Path pages = trappedPagesDir(file);
        assertThrows(UncheckedIOException.class, () -> ingestor.ingest(file, pages));
    }

    // --- 7: enormous sizes ------------------------------------------------------------------------

    /**
     * Each image declares more pixels than a Java array can hold (2^31): decoding it would fail
     * with another message, or run out of memory, so the reason proves the size was refused before
     * any pixel buffer was made.
     */
    @Test
    void imagesThatDeclareEnormousSizesAreRejectedBeforeDecoding() throws IOException {
        Path png = Files.write(dir.resolve("huge.png"), BadInputs.png(200_000, 200_000, 1, List.of()));
        Path tiff = Files.write(dir.resolve("huge.tif"), BadInputs.tiff(List.of(
                new TiffFrame(200_000, 200_000, 1, new byte[1000])), false));
        Path jpeg = Files.write(dir.resolve("huge.jpg"), BadInputs.withJpegSize(BadInputs.jpegBytes(), 65_000, 65_000));

        assertEquals("image too large: 200000x200000 pixels (limit 100 megapixels)", rejection(png));
        assertEquals("image too large: 200000x200000 pixels (limit 100 megapixels)", rejection(tiff));
        assertEquals("image too large: 65000x65000 pixels (limit 100 megapixels)", rejection(jpeg));
    }

    @Test
    void anImageWiderThanTesseractReadsIsRejected() throws IOException {
        Path tiff = Files.write(dir.resolve("strip.tif"), BadInputs.tiff(List.of(TiffFrame.white(40_000, 20)), false));
        assertEquals("image too large: 40000x20 pixels (limit 32767 pixels a side)", rejection(tiff));
    }

    @Test
    void aPdfPageOfEnormousSizeIsRejectedBeforeRendering() throws IOException {
        // PDFBox alone would fail with "Maximum size of image exceeded" (a damaged-PDF reason), or
        // for a page a little smaller try to allocate gigabytes.
        Path file = BadInputs.save(BadInputs.textPdf(new PDRectangle(200_000, 200_000), "Grand format"),
                dir.resolve("huge-page.pdf"));
        assertEquals("PDF page too large: page 1 measures 7055.6 x 7055.6 cm (200000 x 200000 pt), too large to render "
                + "for reading even at 72 dpi (limit 100 megapixels, 32767 pixels a side)", rejection(file));
    }

    /**
     * An A0 poster at 300 dpi would be 139 megapixels: it is rendered at the highest resolution
     * that keeps it within 100 megapixels, 254 dpi, and its text layer's boxes are on that image.
     */
    @Test
    void aPdfPageTooLargeForTheRenderResolutionIsRenderedAtALowerOne() throws IOException {
        Path file = BadInputs.save(BadInputs.textPdf(PDRectangle.A0, "Affiche du Groupe ouvrier, Moscou 1923"),
                dir.resolve("poster.pdf"));

        Page page = processed(file).pages().get(0);

        assertEquals(254, page.image().dpi());
        long pixels = (long) page.image().width() * page.image().height();
        assertTrue(pixels <= IngestConfig.MAX_PIXELS && pixels > 0.99 * IngestConfig.MAX_PIXELS, "pixels: " + pixels);
        BufferedImage written = ImageIO.read(page.image().path().toFile());
        assertEquals(page.image().width(), written.getWidth());
        assertEquals(TextOrigin.TEXT_LAYER, page.textOrigin());
        assertEquals(254, page.words().findFirst().orElseThrow().box().x(), 3, "72 pt from the left at 254 dpi");
    }

    // --- 8: corrupt JPEG --------------------------------------------------------------------------

    /**
     * libjpeg paints what it cannot decode gray and only warns: such a page would be read with part
     * of its text silently missing, so it is rejected.
     */
    @Test
    void aJpegWithLostImageDataIsRejected() throws IOException {
        byte[] jpeg = BadInputs.jpegBytes();
        int data = BadInputs.scanData(jpeg);
        Path truncated = Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpeg, data + (jpeg.length - data) / 2));
        byte[] garbage = jpeg.clone();
        Random random = new Random(7);
        for (int i = data + 40; i < garbage.length - 2; i++) {
            garbage[i] = (byte) random.nextInt(0xFF); // never 0xFF, so no marker: only undecodable data
        }
        Path corrupt = Files.write(dir.resolve("corrupt.jpg"), garbage);

        assertEquals("damaged JPEG: part of the picture is lost (Corrupt JPEG data: premature end of data segment)",
                rejection(truncated));
        assertTrue(rejection(corrupt).startsWith("damaged JPEG: part of the picture is lost (Corrupt JPEG data: "),
                rejection(corrupt));
    }

    @Test
    void aJpegMissingOnlyItsEndMarkerIsReadSinceNothingIsLost() throws IOException {
        byte[] jpeg = BadInputs.jpegBytes();
        Path file = Files.write(dir.resolve("no-eoi.jpg"), Arrays.copyOf(jpeg, jpeg.length - 2));
        assertReadablePage(processed(file).pages().get(0));
    }

    // --- 9: corrupt TIFF, unsupported compression -------------------------------------------------

    @Test
    void aCorruptTiffIsRejectedAsDamaged() throws IOException {
        TiffFrame white = TiffFrame.white(100, 100);
        Path shortStrip = Files.write(dir.resolve("short-strip.tif"),
                BadInputs.tiff(List.of(new TiffFrame(100, 100, 1, Arrays.copyOf(white.strip(), 10))), false));
        Path badLzw = Files.write(dir.resolve("bad-lzw.tif"),
                BadInputs.tiff(List.of(new TiffFrame(100, 100, 5, white.strip())), false));
        byte[] header = BadInputs.tiff(List.of(white), false);
        Path cutInItsDirectory = Files.write(dir.resolve("cut.tif"), Arrays.copyOf(header, 40));

        assertEquals("damaged TIFF: the file ends too soon", rejection(shortStrip));
        assertEquals("damaged TIFF: its data cannot be decoded", rejection(badLzw));
        assertEquals("damaged TIFF: the file ends too soon", rejection(cutInItsDirectory));
    }

    @Test
    void aTiffWithACompressionTheReaderLacksIsRejectedNamingIt() throws IOException {
        TiffFrame white = TiffFrame.white(100, 100);
        Path jpeg2000 = Files.write(dir.resolve("jpeg2000.tif"),
                BadInputs.tiff(List.of(new TiffFrame(100, 100, 34712, white.strip())), false));
        Path unknown = Files.write(dir.resolve("unknown.tif"),
                BadInputs.tiff(List.of(new TiffFrame(100, 100, 40123, white.strip())), false));

        assertEquals("unsupported TIFF compression: JPEG 2000 (34712); readable are none, CCITT fax, LZW, JPEG, "
                + "Deflate and PackBits", rejection(jpeg2000));
        assertTrue(rejection(unknown).startsWith("unsupported TIFF compression: compression 40123;"), rejection(unknown));
    }

    @Test
    void aTiffWhoseSecondPageFailsLeavesNoPageImageOfItsFirst() throws IOException {
        TiffFrame white = TiffFrame.white(100, 100);
        Path file = Files.write(dir.resolve("second-bad.tif"), BadInputs.tiff(List.of(white,
                new TiffFrame(100, 100, 34712, white.strip())), false));
        Path pages = Files.createDirectories(dir.resolve("existing-pages"));

        assertThrows(RejectedInputException.class, () -> ingestor.ingest(file, pages));

        assertEquals(List.of(), list(pages), "the first page's image, written, is deleted again");
        assertTrue(Files.isDirectory(pages), "a folder the caller made is left to the caller");
    }

    // --- 10: other types under a scan's name ------------------------------------------------------

    @Test
    void filesOfOtherTypesUnderAScansNameAreRejectedNamingTheirType() throws IOException {
        Path text = Files.writeString(dir.resolve("text.pdf"), "Minutes of the meeting, 5 June 1923.\n");
        Path html = Files.writeString(dir.resolve("page.tif"),
                "<!DOCTYPE html>\n<html><head><title>Scan</title></head><body><p>Not a scan</p></body></html>\n");
        Path zip = dir.resolve("archive.pdf");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("scan.pdf"));
            out.write("%PDF-1.4 inside a zip".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        Path program = Files.write(dir.resolve("program.tif"),
                Files.readAllBytes(Path.of(System.getProperty("java.home"), "bin", "java")));

        assertEquals("unsupported type text/plain", rejection(text));
        assertEquals("unsupported type text/html", rejection(html));
        assertEquals("unsupported type application/zip", rejection(zip));
        assertTrue(rejection(program).matches("unsupported type application/x-(executable|sharedlib|elf)"),
                rejection(program));
    }

    // --- 11: unusual but valid images -------------------------------------------------------------

    @Test
    void sixteenBitGrayImagesBecomeEightBitPages() throws IOException {
        BufferedImage deep = BadInputs.textImage(BufferedImage.TYPE_USHORT_GRAY);
        assertEquals(16, deep.getColorModel().getComponentSize(0));
        assertReadablePage(processed(BadInputs.write(deep, "png", dir.resolve("gray16.png"))).pages().get(0));
        assertReadablePage(processed(BadInputs.tiff(dir.resolve("gray16.tif"), deep)).pages().get(0));
    }

    @Test
    void cmykAndYcckJpegsBecomeRgbPagesWithWhitePaper() throws IOException {
        // The JDK reads CMYK right by itself, but paints YCCK's white paper green.
        assertReadablePage(processed(BadInputs.cmykJpeg(dir.resolve("cmyk.jpg"), 0)).pages().get(0));
        assertReadablePage(processed(BadInputs.cmykJpeg(dir.resolve("ycck.jpg"), 2)).pages().get(0));
    }

    /**
     * Without Adobe's marker nothing says whether four components are stored inverted: the JDK's
     * writer stores them as given. Plain CMYK read as inverted was an all-black page.
     */
    @Test
    void cmykJpegsWithoutAdobesMarkerBecomePagesWithWhitePaperWhicheverWayRound() throws IOException {
        Path plain = BadInputs.cmykJpegWithoutAdobeMarker(dir.resolve("cmyk-plain.jpg"), false);
        Path inverted = BadInputs.cmykJpegWithoutAdobeMarker(dir.resolve("cmyk-inverted.jpg"), true);
        assertEquals(new JpegHeader(4, false, 0), JpegHeader.read(new ByteArrayInputStream(Files.readAllBytes(plain))));

        assertReadablePage(processed(plain).pages().get(0));
        assertReadablePage(processed(inverted).pages().get(0));
    }

    /** Cameras and phones write EXIF (APP1) before JFIF (APP0); the JDK's metadata refuses it, libjpeg does not. */
    @Test
    void aJpegWithExifBeforeJfifIsRead() throws IOException {
        byte[] jpeg = BadInputs.jpegBytes();
        jpeg[13] = 1; // JFIF density in dots per inch: 300 x 300
        jpeg[14] = (byte) (300 >> 8);
        jpeg[15] = (byte) 300;
        jpeg[16] = (byte) (300 >> 8);
        jpeg[17] = (byte) 300;
        Path file = Files.write(dir.resolve("exif-first.jpg"), BadInputs.withExifBeforeJfif(jpeg));
        assertEquals(0xE1, Files.readAllBytes(file)[3] & 0xFF, "APP1 first");

        Page page = processed(file).pages().get(0);

        assertReadablePage(page);
        assertEquals(300, page.image().dpi(), "the JFIF resolution, read past the EXIF segment");
    }

    @Test
    void palettePngsBecomePagesWithTransparentPaperWhite() throws IOException {
        BufferedImage palette = BadInputs.textImage(BufferedImage.TYPE_BYTE_INDEXED);
        assertReadablePage(processed(BadInputs.write(palette, "png", dir.resolve("palette.png"))).pages().get(0));
        BufferedImage transparent = BadInputs.transparentPaletteImage();
        assertEquals(0, transparent.getColorModel().getRGB(transparent.getRaster().getSample(PAPER.x, PAPER.y, 0)),
                "the paper is transparent black");
        assertReadablePage(processed(BadInputs.write(transparent, "png", dir.resolve("palette-trns.png"))).pages().get(0));
    }

    @Test
    void aTransparentPngIsFlattenedOnWhiteNotBlack() throws IOException {
        BufferedImage rgba = BadInputs.drawText(
                new BufferedImage(BadInputs.WIDTH, BadInputs.HEIGHT, BufferedImage.TYPE_INT_ARGB), null);
        assertEquals(0, rgba.getRGB(PAPER.x, PAPER.y), "the paper is transparent black");
        assertReadablePage(processed(BadInputs.write(rgba, "png", dir.resolve("rgba.png"))).pages().get(0));
    }

    // --- 12: too small ----------------------------------------------------------------------------

    @Test
    void imagesAndPdfPagesTooSmallToHoldTextAreRejected() throws IOException {
        Path pixel = BadInputs.write(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("pixel.png"));
        Path sliver = Files.write(dir.resolve("sliver.tif"), BadInputs.tiff(List.of(TiffFrame.white(2000, 8)), false));
        Path stamp = BadInputs.save(BadInputs.textPdf(new PDRectangle(2, 2), "x"), dir.resolve("stamp.pdf"));

        assertEquals("image too small to hold text: 1x1 pixels (at least 16 pixels each way)", rejection(pixel));
        assertEquals("image too small to hold text: 2000x8 pixels (at least 16 pixels each way)", rejection(sliver));
        assertEquals("PDF page too small to hold text: page 1 measures 0.1 x 0.1 cm (2 x 2 pt), 8x8 pixels at 300 dpi "
                + "(at least 16 pixels each way)", rejection(stamp));
    }

    // --- 13: characters XML forbids, and hostile metadata -----------------------------------------

    /** They are kept as they are here; the export stage drops or replaces them (see its XmlText). */
    @Test
    void charactersXmlForbidsInAPdfTextLayerAndMetadataPassThroughIngest() throws IOException {
        Path file = dir.resolve("control-characters.pdf");
        try (PDDocument doc = BadInputs.textPdf(PDRectangle.A4, "ABCDE manifeste du groupe ouvrier")) {
            BadInputs.mapCapitalsToForbiddenCharacters(doc);
            doc.getDocumentInformation().setTitle("Manifeste\u0001 du groupe\u0008 ouvrier\uFFFE");
            doc.getDocumentInformation().setAuthor("G.\u0000 Myasnikov " + "x".repeat(5000));
            doc.save(file.toFile());
        }

        Document document = processed(file);

        Page page = document.pages().get(0);
        assertEquals(TextOrigin.TEXT_LAYER, page.textOrigin());
        assertEquals("\u0001\uFFFE\u0008\u001B\u0000 manifeste du groupe ouvrier", page.lines().findFirst().orElseThrow().text());
        assertEquals("Manifeste\u0001 du groupe\u0008 ouvrier\uFFFE", document.firstSource().metadata().get("title"));
        String author = document.firstSource().metadata().get("author");
        assertEquals(PdfPageSource.MAX_METADATA_LENGTH + 1, author.length(), "bounded, and marked as cut with …");
        assertTrue(author.startsWith("G.\u0000 Myasnikov xxx") && author.endsWith("x…"), author.substring(0, 20));
    }

    /** The bound is 200,000 characters a page; the same reader with a bound of 50 shows what happens past it. */
    @Test
    void aTextLayerOfMoreCharactersThanAPageHoldsIsLeftToOcr() throws IOException {
        String sixty = "Le Groupe ouvrier et la KAPD, Berlin et Moscou, juin 1923 !!";
        PageImage image = new PageImage(dir.resolve("p0001.png"), 2480, 3508, 300);
        try (PDDocument pdf = BadInputs.textPdf(PDRectangle.A4, sixty)) {
            assertEquals(List.of(), new PdfTextLayerReader(50).read(pdf, 1, 1, image, 300));
            assertEquals(sixty, new PdfTextLayerReader(100).read(pdf, 1, 1, image, 300).get(0).lines().get(0).text());
        }
        assertEquals(200_000, IngestConfig.defaults().maxTextLayerCharacters());
    }

    /** Over the configured limit, a page is left to OCR, and the document's ingest step says which and how many. */
    @Test
    void aTextLayerOverTheConfiguredLimitIsSaidInTheIngestStep() throws IOException {
        String line = "Le Groupe ouvrier et la KAPD, Berlin et Moscou, juin 1923 !!";
        Path pdf = BadInputs.save(BadInputs.densePdf(line, 30), dir.resolve("dense.pdf"));
        Ingestor limited = new Ingestor(new IngestConfig(150, 10, IngestConfig.DEFAULT_PAGE_TIMEOUT, 1000));

        Document document = limited.ingest(pdf, dir.resolve("pages-dense"));

        assertEquals(TextOrigin.NONE, document.pages().get(0).textOrigin(), "left to OCR");
        Map<String, String> details = document.provenance().get(0).details();
        assertEquals("1=1800", details.get(IngestConfig.TEXT_LAYERS_OVER_LIMIT), details.toString());
        assertEquals("1000", details.get(IngestConfig.MAX_TEXT_LAYER_DETAIL));
        Document underLimit = new Ingestor(new IngestConfig(150, 10)).ingest(pdf, dir.resolve("pages-dense-2"));
        assertEquals(TextOrigin.TEXT_LAYER, underLimit.pages().get(0).textOrigin());
        assertFalse(underLimit.provenance().get(0).details().containsKey(IngestConfig.TEXT_LAYERS_OVER_LIMIT));
        assertEquals("the text layer limit must be at least 1000 characters: 999", assertThrows(
                IllegalArgumentException.class, () -> new IngestConfig(300, 10, Duration.ofMinutes(1), 999)).getMessage());
    }

    @Test
    void aPngIsDecodedWithoutInflatingItsTextChunks() throws IOException {
        // A zTXt chunk whose compressed text is not deflate data: the JDK's reader fails on it when
        // it reads metadata, and would inflate it whole if it were a bomb. The pHYs says 300 dpi.
        byte[] notDeflate = "Comment\0\0this is not deflate data".getBytes(StandardCharsets.ISO_8859_1);
        byte[] perMetre = ByteBuffer.allocate(9).putInt(11811).putInt(11811).put((byte) 1).array();
        Path file = Files.write(dir.resolve("text-chunk.png"), BadInputs.png(200, 50, 50,
                List.of(new PngChunk("zTXt", notDeflate), new PngChunk("pHYs", perMetre))));

        Page page = processed(file).pages().get(0);

        assertEquals(200, page.image().width());
        assertEquals(300, page.image().dpi(), "the resolution is still read, from pHYs");
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Ingests an input that must be rejected; checks it was left as it was and nothing of it is left. */
    private String rejection(Path input) throws IOException {
        Snapshot before = Snapshot.of(input);
        Path pages = dir.resolve("pages-" + input.getFileName());
        RejectedInputException rejected = assertThrows(RejectedInputException.class, () -> ingestor.ingest(input, pages));
        before.assertUnchanged(input);
        assertFalse(Files.exists(pages), "no page folder or image is left of a rejected input: " + input.getFileName());
        return rejected.reason();
    }

    /**
     * Ingests an input that must be rejected before any page image is written: its page folder
     * holds a trap, so that writing any page would fail with an I/O error, not the rejection.
     */
    private String rejectionBeforeAnyPageIsWritten(Ingestor ingestor, Path input) throws IOException {
        Snapshot before = Snapshot.of(input);
        Path pages = trappedPagesDir(input);
        RejectedInputException rejected = assertThrows(RejectedInputException.class, () -> ingestor.ingest(input, pages));
        before.assertUnchanged(input);
        assertEquals(List.of(pages.resolve("p0001.png")), list(pages));
        return rejected.reason();
    }

    /** A page folder whose first image's name is taken by a folder with a file in it: no page can be written. */
    private Path trappedPagesDir(Path input) throws IOException {
        Path pages = dir.resolve("trapped-pages-" + input.getFileName());
        Files.writeString(Files.createDirectories(pages.resolve("p0001.png")).resolve("occupied"), "trap");
        return pages;
    }

    /** Ingests an input that must be processed; checks it was left as it was. */
    private Document processed(Path input) throws IOException {
        Snapshot before = Snapshot.of(input);
        Document document = DocumentInvariants.requireSound(ingestor.ingest(input, dir.resolve("pages-" + input.getFileName())));
        before.assertUnchanged(input);
        return document;
    }

    /**
     * The page image is a plain 8-bit image without alpha, as OCR wants it: white where the paper
     * is, dark where the word is.
     */
    private static void assertReadablePage(Page page) throws IOException {
        BufferedImage image = ImageIO.read(page.image().path().toFile());
        ColorModel model = image.getColorModel();
        assertFalse(model.hasAlpha(), page.image().path().toString());
        assertEquals(8, model.getComponentSize(0), "bits per sample");
        assertTrue(gray(image, PAPER.x, PAPER.y) >= 245, "white paper, not " + gray(image, PAPER.x, PAPER.y));
        int darkest = 255;
        for (int y = TEXT_AREA.y; y < TEXT_AREA.y + TEXT_AREA.height; y++) {
            for (int x = TEXT_AREA.x; x < TEXT_AREA.x + TEXT_AREA.width; x++) {
                darkest = Math.min(darkest, gray(image, x, y));
            }
        }
        assertTrue(darkest < 64, "black text, darkest " + darkest);
    }

    private static int gray(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** An input's bytes and modification time, taken after the time is set long ago. */
    private record Snapshot(byte[] bytes, FileTime modified) {

        static Snapshot of(Path input) throws IOException {
            Files.setLastModifiedTime(input, LONG_AGO);
            return new Snapshot(Files.readAllBytes(input), Files.getLastModifiedTime(input));
        }

        void assertUnchanged(Path input) throws IOException {
            assertTrue(Files.isRegularFile(input), input + " is still there");
            assertArrayEquals(bytes, Files.readAllBytes(input), input + " has the same bytes");
            assertEquals(modified, Files.getLastModifiedTime(input), input + " has the same modification time");
        }
    }
}
