package org.workersarchive.pipeline.archive;

/**
 * The archive cannot be opened for a run: another run holds its lock, or its lock file cannot be
 * made (a folder that cannot be written). A person's situation to act on, not a fault of the
 * program: the command line says it in one line, without a stack trace.
 */
public final class ArchiveBusyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ArchiveBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
