package org.workersarchive.review;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A very large gray page drawn as a PNG row by row, never held whole in memory: white, with a
 * black rule every 100 rows and a black margin line, as a huge scan of a ruled sheet would be.
 */
final class BigPages {

    private BigPages() {
    }

    /** Writes a {@code width} x {@code height} 8-bit gray PNG. */
    static Path drawn(Path file, int width, int height) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {8, 0, 0, 0, 0}); // 8 bits, gray, deflate, no filter method, no interlace
            chunk(out, "IHDR", header.toByteArray());
            java.io.ByteArrayOutputStream pixels = new java.io.ByteArrayOutputStream();
            try (DeflaterOutputStream deflated = new DeflaterOutputStream(pixels, new Deflater(Deflater.BEST_SPEED))) {
                byte[] row = new byte[width + 1];
                for (int y = 0; y < height; y++) {
                    Arrays.fill(row, 1, row.length, y % 100 == 0 ? 0 : (byte) 0xff);
                    row[0] = 0; // filter: none
                    row[1 + Math.min(width - 1, 200)] = 0;
                    deflated.write(row);
                }
            }
            chunk(out, "IDAT", pixels.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        d.writeInt((int) crc.getValue());
        d.flush();
    }
}
