package org.workersarchive.export;

import java.io.IOException;
import java.util.List;

/**
 * A corpus export refused before anything was written, because one or more of the archive's TEI
 * files cannot be read: a corpus is published whole or not at all.
 */
public final class ExportRefusedException extends IOException {

    private final List<String> problems;

    /** @param problems a line each, naming the file and its reason */
    public ExportRefusedException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** What is wrong, a line each, naming the file and the reason. */
    public List<String> problems() {
        return problems;
    }
}
