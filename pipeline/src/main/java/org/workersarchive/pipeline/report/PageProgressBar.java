package org.workersarchive.pipeline.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A run's progress on a terminal, by pages: pages read of the pages known, pages a minute, the time
 * left and the inputs under way, redrawn in place twice a second (me.tongfei:progressbar) from the
 * moment it is made, so that something is on screen while the engines start; cleared when closed,
 * for the summary (or the one line that says why a run could not start) to follow. Thread-safe.
 */
public final class PageProgressBar implements RunProgress, AutoCloseable {

    /** Often enough to look alive, seldom enough to cost nothing beside the OCR. */
    private static final int REDRAW_MILLIS = 500;
    /** Room for a file name in the line, beside the bar, the counts and the rates. */
    private static final int NAME_WIDTH = 28;

    private final RunCounts counts;
    private final ProgressBar bar;

    /**
     * @param out    the terminal; the bar takes its width
     * @param inputs the inputs the run will take
     */
    public PageProgressBar(PrintStream out, int inputs) {
        this(new ConsoleProgressBarConsumer(out), inputs);
    }

    /** @param consumer where the bar is drawn (a fixed width in tests) */
    PageProgressBar(ProgressBarConsumer consumer, int inputs) {
        this.counts = new RunCounts(inputs);
        this.bar = new ProgressBarBuilder().setTaskName("Pages").setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" pages", 1).showSpeed(new DecimalFormat("0.0"))
                .setSpeedUnit(ChronoUnit.MINUTES)
                .setUpdateIntervalMillis(REDRAW_MILLIS).continuousUpdate().clearDisplayOnFinish().setConsumer(consumer)
                .setEtaFunction(state -> counts.timeLeft(state.getTotalElapsed()))
                .build();
        bar.setExtraMessage(underWay());
    }

    @Override
    public void started(Path input) {
        counts.started(input);
        bar.setExtraMessage(underWay());
    }

    @Override
    public void pagesMade(Path input, int pages) {
        counts.pagesMade(input, pages);
        bar.maxHint(counts.pagesKnown());
    }

    @Override
    public void pageRead(Path input) {
        counts.pageRead(input);
        bar.stepTo(counts.pagesRead());
    }

    @Override
    public void accept(InputOutcome outcome) {
        counts.accept(outcome);
        if (counts.pagesKnown() > 0) {
            bar.maxHint(counts.pagesKnown());
        }
        bar.setExtraMessage(underWay());
    }

    /** What the line says beside the bar: documents done of all, and the first under way. */
    String underWay() {
        List<String> names = counts.underWay();
        // The bar's renderer puts this right after the rate: the leading space keeps them apart.
        String documents = " · " + counts.inputsDone() + "/" + counts.inputs() + " documents";
        if (names.isEmpty()) {
            return documents + (counts.inputsDone() == 0 ? ", starting" : "");
        }
        String first = names.get(0).length() > NAME_WIDTH ? names.get(0).substring(0, NAME_WIDTH - 1) + "…" : names.get(0);
        return documents + ", reading " + first + (names.size() > 1 ? " +" + (names.size() - 1) : "");
    }

    /** Stops drawing and clears the bar's line. */
    @Override
    public void close() {
        bar.close();
    }
}
