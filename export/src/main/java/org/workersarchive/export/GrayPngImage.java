package org.workersarchive.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A gray PNG (8 or 1 bits, not interlaced) embedded in a PDF as it is: its compressed data is
 * already what a PDF image with the Flate filter and PNG predictors holds, so nothing is decoded or
 * compressed again. PDFBox does this for colour PNGs but not yet for gray ones, which it decodes and
 * recompresses at the cost of about a tenth of a second a page. Any other PNG is left to PDFBox.
 */
final class GrayPngImage {

    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    private static final int PLTE = 0x504C5445;
    private static final int TRNS = 0x74524E53;
    private static final int GRAY = 0;

    private GrayPngImage() {
    }

    /** The image, or empty when the bytes are not a plain gray PNG this class embeds as it is. */
    static Optional<PDImageXObject> embed(PDDocument pdf, byte[] png) throws IOException {
        Optional<byte[]> data = compressedData(png);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer header = ByteBuffer.wrap(png, 16, 13);
        int width = header.getInt();
        int height = header.getInt();
        int bits = header.get();
        COSStream stream = pdf.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(data.get());
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        COSDictionary predictor = new COSDictionary();
        predictor.setInt(COSName.PREDICTOR, 15); // PNG predictors, chosen per row as the PNG's filters were
        predictor.setInt(COSName.COLORS, 1);
        predictor.setInt(COSName.BITS_PER_COMPONENT, bits);
        predictor.setInt(COSName.COLUMNS, width);
        stream.setItem(COSName.DECODE_PARMS, predictor);
        PDImageXObject image = new PDImageXObject(new PDStream(stream), null);
        image.setWidth(width);
        image.setHeight(height);
        image.setBitsPerComponent(bits);
        image.setColorSpace(PDDeviceGray.INSTANCE);
        return Optional.of(image);
    }

    /** The PNG's IDAT chunks joined, if it is a gray, 8- or 1-bit, non-interlaced PNG without palette or transparency. */
    private static Optional<byte[]> compressedData(byte[] png) {
        if (png.length < 33 || ByteBuffer.wrap(png).getLong() != SIGNATURE || ByteBuffer.wrap(png, 12, 4).getInt() != IHDR) {
            return Optional.empty();
        }
        ByteBuffer header = ByteBuffer.wrap(png, 16, 13);
        header.position(header.position() + 8);
        int bits = header.get();
        int colorType = header.get();
        int compression = header.get();
        int filter = header.get();
        int interlace = header.get();
        if (colorType != GRAY || (bits != 8 && bits != 1) || compression != 0 || filter != 0 || interlace != 0) {
            return Optional.empty();
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream(png.length);
        for (int at = 8; at + 12 <= png.length; ) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            int type = ByteBuffer.wrap(png, at + 4, 4).getInt();
            if (length < 0 || at + 12L + length > png.length || type == PLTE || type == TRNS) {
                return Optional.empty();
            }
            if (type == IEND) {
                return data.size() == 0 ? Optional.empty() : Optional.of(data.toByteArray());
            }
            if (type == IDAT) {
                data.write(png, at + 8, length);
            }
            at += 12 + length;
        }
        return Optional.empty(); // no IEND: a file cut short
    }
}
