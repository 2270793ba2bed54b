package org.workersarchive.pipeline.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.workersarchive.core.FileNames;

/**
 * A run's progress counted in pages, for a display: pages read of the pages known so far, the
 * inputs under way, and the time left. A document's pages are known only once it is ingested (a
 * PDF's once it is opened), so the time left counts each input not yet opened as many pages as the
 * inputs opened so far have on average. Thread-safe.
 */
public final class RunCounts implements RunProgress {

    /** Pages made and read of one input under way. */
    private static final class UnderWay {
        int made;
        int read;
    }

    private final int inputs;
    private final Map<Path, UnderWay> underWay = new LinkedHashMap<>();
    private int done;
    private long pagesKnown;
    private long pagesRead;
    private long pagesMadeEver;
    private int inputsOpened;

    /** @param inputs the number of inputs the run will take, or 0 when unknown (an inbox) */
    public RunCounts(int inputs) {
        this.inputs = inputs;
    }

    @Override
    public synchronized void started(Path input) {
        underWay.put(input, new UnderWay());
    }

    @Override
    public synchronized void pagesMade(Path input, int pages) {
        underWay.computeIfAbsent(input, any -> new UnderWay()).made += pages;
        pagesKnown += pages;
        pagesMadeEver += pages;
        inputsOpened++;
    }

    @Override
    public synchronized void pageRead(Path input) {
        UnderWay counts = underWay.get(input);
        if (counts != null) {
            counts.read++;
        }
        pagesRead++;
    }

    /** An input's pages that will never be read (its document failed) are no longer counted as known. */
    @Override
    public synchronized void accept(InputOutcome outcome) {
        UnderWay counts = underWay.remove(outcome.input());
        if (counts != null) {
            pagesKnown -= counts.made - counts.read;
        }
        done++;
    }

    public synchronized long pagesRead() {
        return pagesRead;
    }

    public synchronized long pagesKnown() {
        return pagesKnown;
    }

    public synchronized int inputsDone() {
        return done;
    }

    public int inputs() {
        return inputs;
    }

    /** The inputs under way, in the order they were taken: their file names. */
    public synchronized List<String> underWay() {
        List<String> names = new ArrayList<>();
        underWay.keySet().forEach(input -> names.add(FileNames.printable(String.valueOf(input.getFileName()))));
        return names;
    }

    /**
     * The pages still to read: those known and not read, and for each input not yet opened the mean
     * page count of those opened (one page when none is yet).
     */
    public synchronized double pagesLeft() {
        int notOpened = Math.max(0, inputs - done - (int) underWay.values().stream().filter(u -> u.made > 0).count());
        double meanPages = inputsOpened == 0 ? 1 : (double) pagesMadeEver / inputsOpened;
        return pagesKnown - pagesRead + notOpened * meanPages;
    }

    /**
     * The time left at the rate pages were read so far, or empty while nothing was read or the
     * number of inputs is unknown.
     *
     * @param elapsed the time since the run started
     */
    public synchronized Optional<Duration> timeLeft(Duration elapsed) {
        if (pagesRead == 0 || inputs == 0 || elapsed.isZero()) {
            return Optional.empty();
        }
        double secondsPerPage = elapsed.toMillis() / 1000.0 / pagesRead;
        return Optional.of(Duration.ofSeconds(Math.round(pagesLeft() * secondsPerPage)));
    }

    /** A time left as a person says it: "40 s", "3 min", "1 h 52 min". */
    public static String spoken(Duration time) {
        long seconds = Math.max(0, time.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = (seconds + 30) / 60;
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
