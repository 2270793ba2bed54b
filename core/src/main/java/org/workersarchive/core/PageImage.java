package org.workersarchive.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The image of one page, as a file: pages travel as paths, never as pixels in messages.
 *
 * @param path   a readable image file (PNG or JPEG)
 * @param width  in pixels
 * @param height in pixels
 * @param dpi    resolution the image was scanned or rendered at; 0 when unknown
 */
public record PageImage(Path path, int width, int height, int dpi) {

    public PageImage {
        Objects.requireNonNull(path, "path");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("page image " + path + " has no pixels: " + width + "x" + height);
        }
        if (dpi < 0) {
            throw new IllegalArgumentException("negative dpi for " + path);
        }
    }

    public PageImage withPath(Path newPath) {
        return new PageImage(newPath, width, height, dpi);
    }
}
