package org.workersarchive.ingest;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;
import org.workersarchive.core.RejectedInputException;

/**
 * What ingest checks in a TIFF's image file directories (one per page) before it decodes a page:
 * how many pages there are, and whether the JDK can decompress them.
 */
final class TiffDirectories {

    /** The compressions the JDK's TIFF reader decodes (its TIFFImageReader), by tag value. */
    private static final Set<Integer> DECODED = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 32773, 32946);
    /** Names of compressions met in archives' TIFFs that the JDK cannot decode. */
    private static final Map<Integer, String> UNDECODED_NAMES = Map.of(
            34712, "JPEG 2000", 34661, "JBIG", 34715, "JBIG2", 34925, "LZMA", 50000, "Zstandard",
            50001, "WebP", 50002, "JPEG XL", 34892, "lossy JPEG (DNG)", 32809, "ThunderScan");

    private TiffDirectories() {
    }

    /**
     * Counts the pages by walking the chain of directories itself, as the JDK's reader does but
     * with two bounds it lacks: a chain that loops back on itself is refused (the JDK's reader
     * follows it until memory runs out; a 150-byte file kept it busy for a minute), and the count
     * stops past {@code limit}. The stream is left where it was.
     *
     * @throws RejectedInputException for a looping chain, a header that is no TIFF's, or more pages than the limit
     * @throws IOException            when the file ends inside the chain
     */
    static int countPages(ImageInputStream in, int limit) throws IOException {
        long start = in.getStreamPosition();
        ByteOrder order = in.getByteOrder();
        try {
            long offset = firstDirectory(in);
            Set<Long> seen = new HashSet<>();
            int pages = 0;
            while (offset != 0) {
                if (!seen.add(offset)) {
                    throw new RejectedInputException("damaged TIFF: its list of pages loops back on itself");
                }
                in.seek(offset);
                int entries = in.readUnsignedShort();
                if (entries == 0) {
                    break; // as for the JDK's reader: a directory without entries ends the chain
                }
                if (++pages > limit) {
                    throw new RejectedInputException("too many pages: more than " + limit + " (limit " + limit + ")");
                }
                in.seek(in.getStreamPosition() + 12L * entries);
                offset = in.readUnsignedInt();
            }
            return pages;
        } finally {
            in.setByteOrder(order);
            in.seek(start);
        }
    }

    /**
     * @throws RejectedInputException "unsupported TIFF compression: JPEG 2000 (34712)" when the page's
     *                                compression is not one the JDK decodes
     * @throws IOException            when the page's directory cannot be made sense of
     */
    static void requireDecodableCompression(IIOMetadata pageMetadata) throws IOException {
        TIFFField field = TIFFDirectory.createFromMetadata(pageMetadata).getTIFFField(BaselineTIFFTagSet.TAG_COMPRESSION);
        int compression = field == null ? BaselineTIFFTagSet.COMPRESSION_NONE : field.getAsInt(0);
        if (!DECODED.contains(compression)) {
            String name = UNDECODED_NAMES.get(compression);
            throw new RejectedInputException("unsupported TIFF compression: "
                    + (name == null ? "compression " + compression : name + " (" + compression + ")")
                    + "; readable are none, CCITT fax, LZW, JPEG, Deflate and PackBits");
        }
    }

    /** Reads the header: byte order, the TIFF mark 42, the first directory's offset. */
    private static long firstDirectory(ImageInputStream in) throws IOException {
        in.seek(0);
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        if (first == 'I' && second == 'I') {
            in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
        } else if (first == 'M' && second == 'M') {
            in.setByteOrder(ByteOrder.BIG_ENDIAN);
        } else {
            throw new RejectedInputException("damaged TIFF: the header names no byte order");
        }
        int mark = in.readUnsignedShort();
        if (mark == 43) {
            throw new RejectedInputException("unsupported TIFF variant: BigTIFF, which the image reader cannot open");
        }
        if (mark != 42) {
            throw new RejectedInputException("damaged TIFF: the header lacks the TIFF mark 42");
        }
        return in.readUnsignedInt();
    }
}
