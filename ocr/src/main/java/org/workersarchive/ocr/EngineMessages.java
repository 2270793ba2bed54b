package org.workersarchive.ocr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.workersarchive.core.Page;

/**
 * What an engine process and its parent say to each other, one JSON message per line: first the
 * configuration (parent to child), then a page request and its answer, again and again. Pages
 * travel with their image's path, never with pixels. Both ends are this program; the records'
 * constructors check what arrives all the same.
 */
final class EngineMessages {

    /**
     * Starts every answer line, so that whatever a native library prints on the child's standard
     * output cannot be mistaken for one.
     */
    static final String ANSWER_PREFIX = "@@page-answer ";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EngineMessages() {
    }

    /**
     * One page to read, with the models its document forces (empty: the configuration chooses) and
     * what its document's pages read so far say of it.
     */
    record PageRequest(Page page, List<String> forcedModels, ReadingHint hint) {
        PageRequest {
            forcedModels = List.copyOf(forcedModels);
            hint = hint == null ? ReadingHint.NONE : hint;
        }
    }

    /**
     * What became of one page: read, rejected as input (the reason says why, for the archivist),
     * or failed in the engine (a message for the log). Exactly one is set. With it, the CPU time
     * the engine spent in Tesseract and Leptonica on the page.
     */
    record PageAnswer(Page page, String rejection, String failure, NativeCpuTime cpu) {

        PageAnswer {
            int set = (page == null ? 0 : 1) + (rejection == null ? 0 : 1) + (failure == null ? 0 : 1);
            if (set != 1) {
                throw new IllegalArgumentException("a page answer holds exactly one of page, rejection, failure");
            }
            cpu = cpu == null ? NativeCpuTime.ZERO : cpu;
        }

        static PageAnswer read(Page page, NativeCpuTime cpu) {
            return new PageAnswer(page, null, null, cpu);
        }

        static PageAnswer rejected(String reason, NativeCpuTime cpu) {
            return new PageAnswer(null, reason, null, cpu);
        }

        static PageAnswer failed(String message) {
            return new PageAnswer(null, null, message, NativeCpuTime.ZERO);
        }
    }

    static String write(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String line, Class<T> type) {
        try {
            return JSON.readValue(line, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The answer line, prefixed. */
    static String answerLine(PageAnswer answer) {
        return ANSWER_PREFIX + write(answer);
    }
}
