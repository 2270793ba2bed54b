package org.workersarchive.ocr;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.Script;

/**
 * What an engine process and its parent say to each other, one JSON message per line: first the
 * configuration (parent to child), then a page request and its answer, again and again. Pages
 * travel with their image's path, never with pixels. Both ends are this program; the records'
 * constructors check what arrives all the same. The pipeline sends the same messages over a broker
 * to worker processes on other machines, so there is one codec for a page on the move.
 */
public final class EngineMessages {

    /**
     * Starts every answer line, so that whatever a native library prints on the child's standard
     * output cannot be mistaken for one.
     */
    static final String ANSWER_PREFIX = "@@page-answer ";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new SimpleModule("archive-values")
                    .addSerializer(Language.class, asText(Language::model))
                    .addDeserializer(Language.class, fromText(Language::ofModel))
                    .addSerializer(Script.class, asText(Script::name))
                    .addDeserializer(Script.class, fromText(Script::named)))
            .build();

    private EngineMessages() {
    }

    /**
     * One page to read, with the models its document forces (empty: the configuration chooses) and
     * what its document's pages read so far say of it.
     */
    public record PageRequest(Page page, List<Language> forcedModels, ReadingHint hint) {
        public PageRequest {
            forcedModels = List.copyOf(forcedModels);
            hint = hint == null ? ReadingHint.NONE : hint;
        }
    }

    /**
     * What became of one page: read, rejected as input (the reason says why, for the archivist),
     * or failed in the engine (a message for the log). Exactly one is set. With it, the CPU time
     * the engine spent in Tesseract and Leptonica on the page.
     */
    public record PageAnswer(Page page, String rejection, String failure, NativeCpuTime cpu) {

        public PageAnswer {
            int set = (page == null ? 0 : 1) + (rejection == null ? 0 : 1) + (failure == null ? 0 : 1);
            if (set != 1) {
                throw new IllegalArgumentException("a page answer holds exactly one of page, rejection, failure");
            }
            cpu = cpu == null ? NativeCpuTime.ZERO : cpu;
        }

        public static PageAnswer read(Page page, NativeCpuTime cpu) {
            return new PageAnswer(page, null, null, cpu);
        }

        public static PageAnswer rejected(String reason, NativeCpuTime cpu) {
            return new PageAnswer(null, reason, null, cpu);
        }

        public static PageAnswer failed(String message) {
            return new PageAnswer(null, null, message, NativeCpuTime.ZERO);
        }

        /**
         * The page read, or the failure as the OCR stage throws it.
         *
         * @param pageNumber the page asked for, named in a failure
         * @throws RejectedInputException when the page was rejected as input, with its reason
         * @throws IllegalStateException  when the engine failed
         */
        public Page pageOrThrow(int pageNumber) {
            if (rejection != null) {
                throw new RejectedInputException(rejection);
            }
            if (failure != null) {
                throw new IllegalStateException("OCR of page " + pageNumber + " failed: " + failure);
            }
            return page;
        }
    }

    /** One line of JSON. */
    public static String write(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A message from one line of JSON; an {@link IllegalStateException} says what does not fit. */
    public static <T> T read(String line, Class<T> type) {
        try {
            return JSON.readValue(line, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A value that travels as one string: a language as its model's name, a script as its name, as
     * a person writes them; the receiving end parses them as the command line does.
     */
    private static <T> JsonSerializer<T> asText(Function<T, String> text) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(text.apply(value));
            }
        };
    }

    private static <T> JsonDeserializer<T> fromText(Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return parse.apply(in.getValueAsString());
            }
        };
    }

    /** The answer line, prefixed. */
    static String answerLine(PageAnswer answer) {
        return ANSWER_PREFIX + write(answer);
    }
}
