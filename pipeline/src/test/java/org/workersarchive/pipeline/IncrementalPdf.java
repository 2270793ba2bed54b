package org.workersarchive.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A PDF written in two increments, each prefix a valid PDF: a first page, then an incremental
 * update (a new page tree, pages 2 and 3, a cross-reference section that points back to the
 * first) appended to it, as a program that saves incrementally writes it.
 */
final class IncrementalPdf {

    private IncrementalPdf() {
    }

    /** The first increment: a PDF of one page. */
    static byte[] firstPage() {
        Writer pdf = new Writer(0);
        pdf.text("%PDF-1.4\n");
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.page(3, 4, "Page one of the bulletin");
        pdf.object(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        return pdf.finish(List.of(1, 2, 3, 4, 5), "/Size 6 /Root 1 0 R");
    }

    /** The second increment, to append to {@link #firstPage()}: pages 2 and 3. */
    static byte[] pagesTwoAndThree() {
        int before = firstPage().length;
        Writer pdf = new Writer(before);
        pdf.object(2, "<< /Type /Pages /Kids [3 0 R 6 0 R 8 0 R] /Count 3 >>");
        pdf.page(6, 7, "Page two of the bulletin");
        pdf.page(8, 9, "Page three of the bulletin");
        return pdf.finish(List.of(2, 6, 7, 8, 9), "/Size 10 /Root 1 0 R /Prev " + startXref(firstPage()));
    }

    private static int startXref(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("startxref\n") + "startxref\n".length();
        return Integer.parseInt(text.substring(at, text.indexOf('\n', at)));
    }

    /** Objects written one after another, each one's offset noted for the cross-reference section. */
    private static final class Writer {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int start;
        private final List<int[]> offsets = new ArrayList<>();

        Writer(int start) {
            this.start = start;
        }

        void text(String text) {
            bytes.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void object(int number, String body) {
            offsets.add(new int[] {number, start + bytes.size()});
            text(number + " 0 obj\n" + body + "\nendobj\n");
        }

        void page(int number, int contents, String line) {
            object(number, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + contents
                    + " 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
            String stream = "BT /F1 28 Tf 72 680 Td (" + line + ") Tj ET";
            object(contents, "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream");
        }

        /** The cross-reference section (a subsection per run of numbers), the trailer and startxref. */
        byte[] finish(List<Integer> numbers, String trailer) {
            int xref = start + bytes.size();
            StringBuilder table = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
            for (int number : numbers) {
                int offset = offsets.stream().filter(o -> o[0] == number).findFirst().orElseThrow()[1];
                table.append(number).append(" 1\n").append(String.format("%010d 00000 n \n", offset));
            }
            text(table + "trailer\n<< " + trailer + " >>\nstartxref\n" + xref + "\n%%EOF\n");
            return bytes.toByteArray();
        }
    }
}
