package org.workersarchive.core;

import java.util.Objects;

/**
 * A stage could not process an input for a reason a person can act on ("unsupported type
 * text/plain", "encrypted PDF"). The pipeline puts the reason beside the failed file; the
 * cause, when there is one, goes to the log.
 */
public class RejectedInputException extends RuntimeException {

    private final String reason;

    public RejectedInputException(String reason) {
        this(reason, null);
    }

    public RejectedInputException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The reason in plain words, without the file name (the caller knows which file). */
    public String reason() {
        return reason;
    }
}
