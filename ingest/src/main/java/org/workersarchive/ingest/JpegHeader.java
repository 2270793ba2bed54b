package org.workersarchive.ingest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a JPEG's header says, read from its marker segments up to the first scan: how many colour
 * components its frame has, whether Adobe's marker (APP14) is there, and the JFIF resolution.
 * The JDK reader's metadata cannot be asked instead: it refuses a valid JPEG whose EXIF segment
 * (APP1) comes before the JFIF one (APP0), as cameras and phones write them ("JFIF APP0 must be
 * first marker after SOI"), though it decodes its pixels.
 *
 * @param components the first frame's colour components (1 gray, 3 YCbCr or RGB, 4 CMYK or YCCK); 0 when
 *                   no frame header comes before the scan
 * @param adobe      whether an Adobe APP14 segment is there, which says how four components are stored
 * @param jfifDpi    the resolution the JFIF segment states in dots per inch, or 0 when it states none
 */
record JpegHeader(int components, boolean adobe, int jfifDpi) {

    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP0 = 0xE0;
    private static final int APP14 = 0xEE;
    private static final byte[] JFIF = "JFIF\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ADOBE = "Adobe".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * Reads the header's segments (each skipped but for the few bytes needed), up to the first
     * scan or the end. The stream is read, not closed.
     *
     * @throws IOException when the stream does not begin as a JPEG, or ends before its first scan
     */
    static JpegHeader read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != SOI) {
            throw new IOException("not a JPEG: no start-of-image marker");
        }
        int components = 0;
        boolean adobe = false;
        int dpi = 0;
        while (true) {
            int marker = nextMarker(in);
            if (marker == SOS || marker == EOI) {
                return new JpegHeader(components, adobe, dpi);
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01 || marker == 0x00) {
                continue; // markers without a segment
            }
            int length = in.readUnsignedShort() - 2;
            byte[] head = new byte[Math.max(0, Math.min(length, 16))];
            in.readFully(head);
            in.skipNBytes(Math.max(0, length - head.length));
            if (isFrameHeader(marker) && components == 0 && head.length >= 6) {
                components = head[5] & 0xFF;
            } else if (marker == APP14 && startsWith(head, ADOBE)) {
                adobe = true;
            } else if (marker == APP0 && startsWith(head, JFIF) && head.length >= 10) {
                dpi = jfifDpi(head[7] & 0xFF, (head[8] & 0xFF) << 8 | head[9] & 0xFF);
            }
        }
    }

    /** SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share their range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Dots per inch from JFIF's units (1 per inch, 2 per centimetre; 0 is an aspect ratio only) and density. */
    private static int jfifDpi(int units, int density) {
        return switch (units) {
            case 1 -> density;
            case 2 -> (int) Math.round(density * 2.54);
            default -> 0;
        };
    }

    /**
     * The next marker's code, past any fill bytes (0xFF repeated) before it, and past extraneous
     * bytes where a marker belongs, which libjpeg skips with a warning too.
     */
    private static int nextMarker(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        while (b != 0xFF) {
            b = in.readUnsignedByte();
        }
        while (b == 0xFF) {
            b = in.readUnsignedByte();
        }
        return b;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
