package org.workersarchive.review.training;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.workersarchive.core.BoundingBox;

/**
 * Writes ground-truth lines in the layout of Tesseract's tesstrain: each line's image
 * ({@code NAME.png}, cut from its page image, a few pixels around its box) beside its text
 * ({@code NAME.gt.txt}, one line), NAME made of the document, page and line
 * ({@code DOC_p0003_p3_l12}). Each file is written under a temporary name and renamed. Stateless.
 */
public final class TrainingExport {

    /** Pixels kept around a line's box: tesstrain's line images have a little white around the text. */
    static final int MARGIN = 4;

    /** @return how many lines were written */
    public int write(List<GroundTruthLine> lines, Path out) throws IOException {
        Files.createDirectories(out);
        Map<Path, BufferedImage> pages = new HashMap<>();
        for (GroundTruthLine line : lines) {
            BufferedImage page = pages.computeIfAbsent(line.image(), TrainingExport::read);
            String name = line.documentId() + "_p" + String.format("%04d", line.page()) + "_" + line.lineId();
            BufferedImage image = crop(page, line.box());
            Path png = out.resolve(name + ".png");
            Path partial = out.resolve("." + name + ".png.partial");
            ImageIO.write(image, "png", partial.toFile());
            Files.move(partial, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path text = out.resolve(name + ".gt.txt");
            Path textPartial = out.resolve("." + name + ".gt.txt.partial");
            Files.writeString(textPartial, line.truth() + "\n", StandardCharsets.UTF_8);
            Files.move(textPartial, text, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (pages.size() > 4) {
                pages.clear();
            }
        }
        return lines.size();
    }

    private static BufferedImage read(Path image) {
        try {
            BufferedImage read = ImageIO.read(image.toFile());
            if (read == null) {
                throw new IllegalArgumentException("not an image: " + image);
            }
            return read;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the page image " + image + ": " + e.getMessage(), e);
        }
    }

    private static BufferedImage crop(BufferedImage page, BoundingBox box) {
        int x = Math.max(0, box.x() - MARGIN);
        int y = Math.max(0, box.y() - MARGIN);
        int right = Math.min(page.getWidth(), box.right() + MARGIN);
        int bottom = Math.min(page.getHeight(), box.bottom() + MARGIN);
        BufferedImage copy = new BufferedImage(Math.max(1, right - x), Math.max(1, bottom - y),
                page.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : page.getType());
        copy.getGraphics().drawImage(page.getSubimage(x, y, copy.getWidth(), copy.getHeight()), 0, 0, null);
        return copy;
    }
}
