package org.workersarchive.pipeline;

import org.workersarchive.core.RejectedInputException;

/**
 * A rejection of an input for what its files hold (their type, their bytes, their sidecar), as
 * admission and ingest find it, told from a failure later on its way (a page OCR or its workers
 * could not finish): only the former can be a copy not yet finished. Carries the rejection, whose
 * reason is the input's.
 */
final class FileRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FileRejected(RejectedInputException rejection) {
        super(rejection.reason(), rejection);
    }

    /** Whether the failure, or one of its causes, is such a rejection. */
    static boolean isIn(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof FileRejected) {
                return true;
            }
        }
        return false;
    }
}
