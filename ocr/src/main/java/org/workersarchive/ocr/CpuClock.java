package org.workersarchive.ocr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * The calling thread's CPU time, charged to Tesseract or Leptonica while their calls run; a
 * measurement inside another is charged to the inner one only. <b>Not thread-safe</b>: one per
 * reading thread, like the engines it measures.
 */
final class CpuClock {

    enum Library { TESSERACT, LEPTONICA }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[] nanos = new long[Library.values().length];
    private final Deque<Library> running = new ArrayDeque<>();
    private long mark;

    /** Runs the work, charging its CPU time to the library. */
    <T> T charge(Library library, Supplier<T> work) {
        enter(library);
        try {
            return work.get();
        } finally {
            exit();
        }
    }

    void charge(Library library, Runnable work) {
        charge(library, () -> {
            work.run();
            return null;
        });
    }

    /** Everything charged so far. */
    NativeCpuTime spent() {
        return new NativeCpuTime(nanos[Library.TESSERACT.ordinal()], nanos[Library.LEPTONICA.ordinal()]);
    }

    private void enter(Library library) {
        long now = THREADS.getCurrentThreadCpuTime();
        if (!running.isEmpty()) {
            nanos[running.peek().ordinal()] += now - mark;
        }
        running.push(library);
        mark = now;
    }

    private void exit() {
        long now = THREADS.getCurrentThreadCpuTime();
        nanos[running.pop().ordinal()] += now - mark;
        mark = now;
    }
}
