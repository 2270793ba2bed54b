package org.workersarchive.pipeline.archive;

/**
 * An input whose files changed between being taken up and being admitted (a copy still under way):
 * no failure of the input, which is taken again, as a new input, once it rests.
 */
public final class InputChangedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    InputChangedException(String message) {
        super(message);
    }
}
