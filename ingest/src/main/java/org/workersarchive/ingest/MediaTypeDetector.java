package org.workersarchive.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Detects a file's media type from its bytes with Apache Tika, never from its name: a text file
 * named {@code scan.pdf} is {@code text/plain}. Only the first {@value #HEAD_BYTES} bytes are read,
 * and only Tika's magic-byte detector looks at them: the archive takes PDF, TIFF, JPEG and PNG,
 * all told by their first bytes, so nothing is gained by opening containers. {@code new Tika()}
 * would use every detector on the class path, and with Tika's parser modules there that includes
 * the ZIP and OLE2 container detectors, which open the file to look inside (a zip bomb, an OOXML
 * file with thousands of parts). Here a ZIP or an OOXML document is {@code application/zip} or
 * {@code application/x-tika-ooxml}, from its first bytes, and then an unsupported type. (For
 * XML, Tika reads the root element from the same bytes with its own SAX parser, which resolves no
 * entity.) Thread-safe.
 */
public final class MediaTypeDetector {

    /** As much as Tika's magic patterns look at (its MIME repository's minimum length). */
    static final int HEAD_BYTES = 64 * 1024;

    private final Detector magic = MimeTypes.getDefaultMimeTypes();

    /** The media type without parameters, e.g. {@code application/pdf}. */
    public String detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in);
        }
    }

    /** The media type of what the stream begins with; reads at most {@value #HEAD_BYTES} bytes, closes nothing. */
    String detect(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEAD_BYTES);
        return magic.detect(new ByteArrayInputStream(head), new Metadata()).getBaseType().toString();
    }
}
