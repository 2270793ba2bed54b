package org.workersarchive.pipeline;

import org.workersarchive.core.RejectedInputException;

/** The reason a failed input's report gives, found in the chain of causes of what went wrong. */
final class FailureReasons {

    private FailureReasons() {
    }

    /**
     * The failure that says what went wrong: a rejection anywhere in the chain of causes, or else
     * the innermost cause (what wraps it, such as the routing layer's own exception, adds nothing).
     */
    static Throwable essentialCause(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof RejectedInputException) {
                return t;
            }
            innermost = t;
        }
        return innermost;
    }

    /** A rejection's own reason; for anything else, what it is and its message. */
    static String reasonOf(Throwable cause) {
        if (cause instanceof RejectedInputException rejected) {
            return rejected.reason();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
