package org.workersarchive.pipeline.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.workersarchive.core.Language;
import org.workersarchive.core.Script;

/** Outcomes made up for the tests of what a run shows: an input and its pages' confidences. */
public final class Outcomes {

    private Outcomes() {
    }

    /** An input's outcome, its pages read with the given mean confidences, 100 words each. */
    public static InputOutcome of(String file, InputOutcome.Status status, String documentId, double... confidences) {
        List<InputOutcome.PageOutcome> pages = new java.util.ArrayList<>();
        for (int i = 0; i < confidences.length; i++) {
            pages.add(new InputOutcome.PageOutcome(i + 1, List.of(Language.ofModel("fra")), confidences[i], 100,
                    Script.LATIN, 0, 0));
        }
        double mean = java.util.Arrays.stream(confidences).average().orElse(0);
        return new InputOutcome(Path.of(file), List.of(Path.of(file)), null, "image/png", status,
                status == InputOutcome.Status.ok ? null : "why", documentId, pages,
                confidences.length == 0 ? null : mean, Map.of(), List.of(), 1);
    }
}
