package org.workersarchive.review.iiif;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.workersarchive.core.BoundingBox;

/**
 * A IIIF Image API 3.0 request at compliance level 1, parsed and checked against the image's size:
 * region {@code full}, {@code square} or {@code x,y,w,h} in pixels; size {@code max}, {@code w,},
 * {@code ,h} or {@code w,h} (never larger than the region: level 1 does not upscale); rotation 0;
 * quality {@code default} (or {@code gray}, which these gray pages are); format jpg, or png. What
 * level 1 does not offer is refused with the reason, as the API asks (400), and so is a size beyond
 * the server's largest ({@link RenderBudget}); {@code max} is the region scaled down to fit it, as
 * the API says. Immutable.
 *
 * @param region the part of the image, within it
 * @param width  of the image returned
 * @param height of the image returned
 * @param format jpg or png
 */
public record ImageRequest(BoundingBox region, int width, int height, String format) {

    private static final Pattern REGION = Pattern.compile("(\\d{1,6}),(\\d{1,6}),(\\d{1,6}),(\\d{1,6})");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,6})?,(\\d{1,6})?");
    private static final Pattern QUALITY_FORMAT = Pattern.compile("(default|gray)\\.(jpg|png)");

    /** A request that cannot be served, with its reason. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String reason) {
            super(reason);
        }
    }

    /** Parses the request's four parts for an image of the given size, within this process's budget. */
    public static ImageRequest parse(String region, String size, String rotation, String qualityFormat,
                                     int imageWidth, int imageHeight) {
        return parse(region, size, rotation, qualityFormat, imageWidth, imageHeight, RenderBudget.forThisProcess());
    }

    /** Parses the request's four parts for an image of the given size, returning no more than the budget's largest. */
    public static ImageRequest parse(String region, String size, String rotation, String qualityFormat,
                                     int imageWidth, int imageHeight, RenderBudget budget) {
        BoundingBox box = region(region, imageWidth, imageHeight);
        int[] scaled = size.equals("max") ? fitted(box, budget) : size(size, box);
        if (scaled[0] > budget.maxSide() || scaled[1] > budget.maxSide() || (long) scaled[0] * scaled[1] > budget.maxArea()) {
            throw new Refused("size " + size + " (" + scaled[0] + "x" + scaled[1] + ") is larger than this server returns: "
                    + "at most " + budget.maxSide() + " pixels a side and " + budget.maxArea()
                    + " pixels in all (info.json's maxWidth, maxHeight and maxArea); ask for a region or a smaller size");
        }
        if (!rotation.equals("0")) {
            throw new Refused("rotation " + rotation + " is not offered: this is a level 1 service (rotation 0)");
        }
        Matcher qf = QUALITY_FORMAT.matcher(qualityFormat);
        if (!qf.matches()) {
            throw new Refused("quality and format " + qualityFormat + " are not offered: default.jpg, default.png, "
                    + "gray.jpg or gray.png");
        }
        return new ImageRequest(box, scaled[0], scaled[1], qf.group(2));
    }

    private static BoundingBox region(String region, int width, int height) {
        if (region.equals("full")) {
            return new BoundingBox(0, 0, width, height);
        }
        if (region.equals("square")) {
            int side = Math.min(width, height);
            return new BoundingBox((width - side) / 2, (height - side) / 2, side, side);
        }
        Matcher m = REGION.matcher(region);
        if (!m.matches()) {
            throw new Refused("region " + region + " is not offered: full, square or x,y,w,h in pixels");
        }
        int x = Integer.parseInt(m.group(1));
        int y = Integer.parseInt(m.group(2));
        int w = Integer.parseInt(m.group(3));
        int h = Integer.parseInt(m.group(4));
        if (w == 0 || h == 0 || x >= width || y >= height) {
            throw new Refused("region " + region + " lies outside the image of " + width + "x" + height + " pixels");
        }
        // The API crops a region that runs over the image's edge to the image.
        return new BoundingBox(x, y, Math.min(w, width - x), Math.min(h, height - y));
    }

    /** The region's size, scaled down to fit the budget's largest image when it is larger. */
    private static int[] fitted(BoundingBox region, RenderBudget budget) {
        double scale = Math.min(1, Math.min((double) budget.maxSide() / Math.max(region.width(), region.height()),
                Math.sqrt((double) budget.maxArea() / ((double) region.width() * region.height()))));
        return new int[] {Math.max(1, (int) Math.floor(region.width() * scale)),
                Math.max(1, (int) Math.floor(region.height() * scale))};
    }

    private static int[] size(String size, BoundingBox region) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new Refused("size " + size + " is not offered: max, w,, ,h or w,h");
        }
        int w = m.group(1) == null ? -1 : Integer.parseInt(m.group(1));
        int h = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        if (w < 0) {
            w = (int) Math.max(1, Math.round((double) region.width() * h / region.height()));
        } else if (h < 0) {
            h = (int) Math.max(1, Math.round((double) region.height() * w / region.width()));
        }
        if (w == 0 || h == 0) {
            throw new Refused("size " + size + " has no pixels");
        }
        if (w > region.width() || h > region.height()) {
            throw new Refused("size " + size + " is larger than the region (" + region.width() + "x" + region.height()
                    + "): a level 1 service does not upscale");
        }
        return new int[] {w, h};
    }
}
