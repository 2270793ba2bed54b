package org.workersarchive.ingest;

import java.io.IOException;
import java.nio.ByteOrder;
import javax.imageio.stream.ImageInputStream;

/**
 * A PNG's resolution, from its pHYs chunk. PNGs are decoded with the JDK reader's metadata
 * ignored, because it inflates every compressed text chunk into memory whatever its size (a file
 * of a megabyte or two can take gigabytes of heap); this reads the one chunk ingest wants by walking the chunks'
 * headers, never their contents.
 */
final class PngResolution {

    private static final int SIGNATURE_LENGTH = 8;
    private static final int PHYS = 0x70485973; // "pHYs"
    private static final int IDAT = 0x49444154; // "IDAT": pHYs must come before the image data
    private static final int ACTL = 0x6163544c; // "acTL": an animated PNG's frame count, before the image data
    private static final int PER_METRE = 1;

    private PngResolution() {
    }

    /**
     * The horizontal resolution in dots per inch, or 0 when the PNG does not say it in metres
     * or says something unlikely for a scan (outside 50..2400). The stream is left where it was.
     */
    static int dpi(ImageInputStream in) throws IOException {
        return chunk(in, PHYS, 9, data -> {
            long perMetre = data.readUnsignedInt();
            data.readUnsignedInt(); // vertical: scans have square pixels, and OCR takes one number
            return data.readUnsignedByte() == PER_METRE ? plausible(Math.round(perMetre * 0.0254)) : 0;
        }, 0L).intValue();
    }

    /**
     * How many frames an animated PNG (APNG) says it has, from its acTL chunk (which comes before
     * the image data); 1 for a plain PNG. The JDK's reader reads the first frame alone and says
     * nothing of the others. The stream is left where it was.
     */
    static long frames(ImageInputStream in) throws IOException {
        return chunk(in, ACTL, 8, data -> Math.max(1, data.readUnsignedInt()), 1L);
    }

    /** Reads what a chunk holds. */
    @FunctionalInterface
    private interface ChunkReader {
        long read(ImageInputStream data) throws IOException;
    }

    /**
     * What the first chunk of the given type and length before the image data holds, read by
     * {@code reader}; {@code absent} when there is none. Only chunk headers are read on the way.
     * The stream is left where it was.
     */
    private static Long chunk(ImageInputStream in, int wanted, long wantedLength, ChunkReader reader, long absent)
            throws IOException {
        long start = in.getStreamPosition();
        ByteOrder order = in.getByteOrder();
        try {
            in.setByteOrder(ByteOrder.BIG_ENDIAN);
            in.seek(SIGNATURE_LENGTH);
            while (true) {
                long length = in.readUnsignedInt();
                int type = in.readInt();
                if (type == IDAT) {
                    return absent;
                }
                if (type == wanted && length == wantedLength) {
                    return reader.read(in);
                }
                in.seek(in.getStreamPosition() + length + 4); // the data and its CRC
            }
        } finally {
            in.setByteOrder(order);
            in.seek(start);
        }
    }

    private static int plausible(long dpi) {
        return dpi >= 50 && dpi <= 2400 ? (int) dpi : 0;
    }
}
