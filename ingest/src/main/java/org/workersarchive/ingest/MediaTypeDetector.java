package org.workersarchive.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.Tika;

/**
 * Detects a file's media type from its bytes with Apache Tika, never from its name: a text file
 * named {@code scan.pdf} is {@code text/plain}. Thread-safe.
 */
public final class MediaTypeDetector {

    private final Tika tika = new Tika();

    /** The media type without parameters, e.g. {@code application/pdf}. */
    public String detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            String type = tika.detect(in);
            int parameters = type.indexOf(';');
            return parameters < 0 ? type : type.substring(0, parameters).trim();
        }
    }
}
