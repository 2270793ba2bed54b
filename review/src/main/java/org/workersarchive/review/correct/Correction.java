package org.workersarchive.review.correct;

import java.util.Locale;
import java.util.Objects;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Ids;

/**
 * One change a person asks for in the browser. Each kind checks its own values, so that what
 * reaches the archive is a word, a line, an entity type or an authority key, and a bad value is
 * refused with a sentence the person understands ({@link IllegalArgumentException}).
 */
public sealed interface Correction {

    /** The longest line a person may type: far more than any printed line. */
    int MAX_LINE = 2000;

    /** What the change was, for the TEI's revision history and the page's message. */
    String describe();

    /** A word's text: one word, no spaces (to split or join words, correct the line). */
    record WordText(String wordId, String text) implements Correction {
        public WordText {
            Ids.requireValid(wordId);
            text = cleaned(text, "the word");
            if (text.codePoints().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a word has no spaces: to split or join words, correct the line");
            }
        }

        @Override
        public String describe() {
            return "word " + wordId + " made «" + text + "»";
        }
    }

    /** A line's text: its words are the text's, at the old words' places when there are as many. */
    record LineText(String lineId, String text) implements Correction {
        public LineText {
            Ids.requireValid(lineId);
            text = cleaned(text, "the line").replaceAll("\\s+", " ");
        }

        @Override
        public String describe() {
            return "line " + lineId + " made «" + text + "»";
        }
    }

    /** An entity found right as it is. */
    record AcceptEntity(String entityId) implements Correction {
        public AcceptEntity {
            Ids.requireValid(entityId);
        }

        @Override
        public String describe() {
            return "entity " + entityId + " accepted";
        }
    }

    /** An entity that is none: its mark-up goes, its words stay. */
    record RejectEntity(String entityId) implements Correction {
        public RejectEntity {
            Ids.requireValid(entityId);
        }

        @Override
        public String describe() {
            return "entity " + entityId + " rejected";
        }
    }

    /** An entity of another type (a place that is an organisation). Dates are not retyped: reject them. */
    record EntityTypeChange(String entityId, EntityType type) implements Correction {
        public EntityTypeChange {
            Ids.requireValid(entityId);
            Objects.requireNonNull(type, "type");
            if (type == EntityType.DATE) {
                throw new IllegalArgumentException("a name cannot become a date here: reject it instead");
            }
        }

        /** @param type as the form gives it: person, organisation, place, publication, event */
        public static EntityTypeChange parse(String entityId, String type) {
            try {
                return new EntityTypeChange(entityId, EntityType.valueOf(type.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("an entity is a person, organisation, place, publication or event, "
                        + "not " + type);
            }
        }

        @Override
        public String describe() {
            return "entity " + entityId + " made a " + type.name().toLowerCase(Locale.ROOT);
        }
    }

    /** An entity pointed at another entry of the authority list, or at none (an empty key). */
    record EntityRefChange(String entityId, String key) implements Correction {
        public EntityRefChange {
            Ids.requireValid(entityId);
            key = key == null ? "" : key.strip();
            if (key.startsWith("#")) {
                key = key.substring(1);
            }
            if (!key.isEmpty()) {
                try {
                    Ids.requireValid(key);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("an authority key is a plain id such as myasnikov, not " + key);
                }
            }
        }

        @Override
        public String describe() {
            return "entity " + entityId + (key.isEmpty() ? " unlinked from the authority list" : " linked to #" + key);
        }
    }

    /** A page read whole against its image: every line of it is now ground truth. */
    record PageChecked(int page) implements Correction {
        public PageChecked {
            if (page < 1) {
                throw new IllegalArgumentException("pages are numbered from 1");
            }
        }

        @Override
        public String describe() {
            return "page " + page + " checked whole";
        }
    }

    private static String cleaned(String text, String what) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(what + " cannot be left empty");
        }
        if (stripped.length() > MAX_LINE) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_LINE + " characters");
        }
        if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            throw new IllegalArgumentException(what + " holds control characters");
        }
        return stripped;
    }
}
