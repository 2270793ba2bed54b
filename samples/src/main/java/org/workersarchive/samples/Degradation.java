package org.workersarchive.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Random;

/**
 * What time and a cheap scanner do to a page: yellowed, unevenly lit paper, a skewed sheet,
 * specks of dirt and a slightly soft focus. Driven by a seeded random source, so the same seed
 * gives the same page.
 *
 * @param paper        the paper's colour at the centre of the sheet
 * @param shading      how much darker the edges are than the centre, 0..1
 * @param skewDegrees  how far the sheet is turned, clockwise positive
 * @param specks       how many specks of dirt
 * @param blur         whether the focus is soft
 */
record Degradation(Color paper, double shading, double skewDegrees, int specks, boolean blur) {

    static final Color YELLOWED = new Color(238, 226, 196);
    static final Color WHITE = new Color(250, 250, 247);
    static final Color INK = new Color(38, 34, 30);

    /** A clean white sheet, as a good flatbed scan of a well-kept page. */
    static Degradation clean() {
        return new Degradation(WHITE, 0, 0, 0, false);
    }

    BufferedImage blankPage(int width, int height) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        double cx = width / 2.0;
        double cy = height / 2.0;
        double reach = cx * cx + cy * cy;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double edge = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / reach;
                double light = 1 - shading * edge;
                page.setRGB(x, y, scaled(paper, light));
            }
        }
        return page;
    }

    BufferedImage apply(BufferedImage printed, Random random) {
        BufferedImage page = skewDegrees == 0 ? printed : turned(printed);
        dirty(page, random);
        return blur ? soft(page) : page;
    }

    private BufferedImage turned(BufferedImage printed) {
        BufferedImage turned = blankPage(printed.getWidth(), printed.getHeight());
        Graphics2D g = turned.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.rotate(Math.toRadians(skewDegrees), printed.getWidth() / 2.0, printed.getHeight() / 2.0);
        g.drawImage(printed, 0, 0, null);
        g.dispose();
        return turned;
    }

    private void dirty(BufferedImage page, Random random) {
        Graphics2D g = page.createGraphics();
        for (int i = 0; i < specks; i++) {
            int gray = 60 + random.nextInt(90);
            g.setColor(new Color(gray, gray - 5, gray - 10));
            int size = 1 + random.nextInt(3);
            g.fillOval(random.nextInt(page.getWidth()), random.nextInt(page.getHeight()), size, size);
        }
        g.dispose();
    }

    private static BufferedImage soft(BufferedImage page) {
        float[] weights = {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f};
        return new ConvolveOp(new Kernel(3, 3, weights), ConvolveOp.EDGE_NO_OP, null).filter(page, null);
    }

    private static int scaled(Color color, double factor) {
        int r = (int) Math.round(color.getRed() * factor);
        int g = (int) Math.round(color.getGreen() * factor);
        int b = (int) Math.round(color.getBlue() * factor);
        return (r << 16) | (g << 8) | b;
    }
}
