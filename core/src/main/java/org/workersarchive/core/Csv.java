package org.workersarchive.core;

/** Cells of the CSV files the archive writes for spreadsheets (RFC 4180). */
public final class Csv {

    private Csv() {
    }

    /** The value as a cell: quoted when it holds a comma, a quote or a line break; empty for null. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.matches("(?s).*[,\"\\n\\r].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
