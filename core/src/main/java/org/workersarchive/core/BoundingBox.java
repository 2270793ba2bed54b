package org.workersarchive.core;

import java.util.Collection;

/**
 * A rectangle in the pixels of one page image ({@link PageImage}), origin at the top left.
 * Which image it refers to is given by the page that holds it: always the prepared image that
 * is kept in the archive, so that TEI zones match what a scholar sees.
 */
public record BoundingBox(int x, int y, int width, int height) {

    public BoundingBox {
        if (x < 0 || y < 0) {
            throw new IllegalArgumentException("box origin must not be negative: " + x + "," + y);
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("box size must not be negative: " + width + "x" + height);
        }
    }

    /** A box from its top-left corner (inclusive) to its bottom-right corner (exclusive). */
    public static BoundingBox fromTwoPoints(int left, int top, int right, int bottom) {
        return new BoundingBox(Math.min(left, right), Math.min(top, bottom),
                Math.abs(right - left), Math.abs(bottom - top));
    }

    /** The smallest box holding all the given boxes; the boxes must not be empty. */
    public static BoundingBox enclosing(Collection<BoundingBox> boxes) {
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException("no boxes to enclose");
        }
        BoundingBox result = null;
        for (BoundingBox box : boxes) {
            result = result == null ? box : result.union(box);
        }
        return result;
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public BoundingBox union(BoundingBox other) {
        return fromTwoPoints(Math.min(x, other.x), Math.min(y, other.y),
                Math.max(right(), other.right()), Math.max(bottom(), other.bottom()));
    }

    /** True when the box lies wholly inside an image of the given size. */
    public boolean fitsWithin(int imageWidth, int imageHeight) {
        return right() <= imageWidth && bottom() <= imageHeight;
    }
}
