package org.workersarchive.core;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the scanned source is, bibliographically: a periodical's issue or a pamphlet, as its
 * sidecar file or its file name describes it. Becomes the TEI header's {@code sourceDesc}.
 *
 * @param kind        a periodical issue, a pamphlet, or not said
 * @param title       the periodical's title for an issue, the pamphlet's own title otherwise; null when unknown
 * @param provisionalTitle whether the title is only the file name's words ("Ouvrier Communiste"), to give way
 *                    to the authority list's title of the publication
 * @param titleKey    the authority list's key of the periodical or pamphlet, when known, else null
 * @param author      the pamphlet's author, or null
 * @param volume      the periodical's volume or year of publication as printed, or null
 * @param issue       the issue number as printed ("6-7"), or null
 * @param date        ISO 8601 (1930, 1930-03, 1930-03-15), or null
 * @param place       place of publication, or null
 * @param publisher   publisher or editing group, or null
 * @param languages   the languages to read every page with, by their Tesseract models (fra, rus…),
 *                    empty to let the OCR choose
 * @param note        free text for the header, or null
 * @param origin      where the description comes from
 * @param sidecar     the sidecar file it was read from, or null; kept with the document
 */
public record SourceDescription(Kind kind, String title, boolean provisionalTitle, String titleKey, String author, String volume, String issue,
                                String date, String place, String publisher, List<Language> languages, String note,
                                Origin origin, Path sidecar) {

    /** What kind of publication the scans are of. */
    public enum Kind { PERIODICAL_ISSUE, PAMPHLET, UNKNOWN }

    /** Where a description comes from, in order of trust. */
    public enum Origin { SIDECAR, FILE_NAME, NONE }

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

    /** Nothing is known of the source but its files. */
    public static final SourceDescription NONE = new SourceDescription(Kind.UNKNOWN, null, false, null, null, null,
            null, null, null, null, List.of(), null, Origin.NONE, null);

    public SourceDescription {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        languages = List.copyOf(languages);
        if (date != null && !isIsoDate(date)) {
            throw new IllegalArgumentException("not an ISO 8601 date of the calendar (1930, 1930-03 or 1930-03-15): "
                    + date);
        }
        if ((origin == Origin.SIDECAR) != (sidecar != null)) {
            throw new IllegalArgumentException("a sidecar is named exactly when the description comes from one");
        }
    }

    /**
     * Whether the text is a year, a month or a day of the calendar in ISO 8601 form, as the TEI's
     * {@code @when} takes it (xsd:gYear, gYearMonth, date): {@code 1930-02-30} has the form but is
     * no day, and year 0000 is none in XML Schema.
     */
    public static boolean isIsoDate(String text) {
        return ISO_DATE.matcher(text).matches() && !text.startsWith("0000") && isDayOfTheCalendar(text);
    }

    /**
     * Whether a text of the ISO form names a day that exists (a year or a month always does):
     * false for 1930-02-30 or 1931-02-29.
     */
    public static boolean isDayOfTheCalendar(String isoForm) {
        if (isoForm.length() < 10) {
            return true;
        }
        try {
            LocalDate.parse(isoForm);
            return true;
        } catch (DateTimeParseException noSuchDay) {
            return false;
        }
    }

    /** Whether the text has the ISO form (1930, 1930-03, 1930-03-15), whether or not the day exists. */
    public static boolean hasIsoForm(String text) {
        return ISO_DATE.matcher(text).matches();
    }

    /** Whether the description says anything of the publication beyond the files themselves. */
    public boolean describesPublication() {
        return kind != Kind.UNKNOWN || title != null || titleKey != null || author != null || volume != null
                || issue != null || date != null || place != null || publisher != null || note != null;
    }

    /** This description, with what it leaves unsaid taken from another (a sidecar's completed by its file name's). */
    public SourceDescription completedBy(SourceDescription other) {
        return new SourceDescription(kind == Kind.UNKNOWN ? other.kind : kind, or(title, other.title),
                title == null ? other.provisionalTitle : provisionalTitle, or(titleKey, other.titleKey), or(author, other.author), or(volume, other.volume),
                or(issue, other.issue), or(date, other.date), or(place, other.place), or(publisher, other.publisher),
                languages.isEmpty() ? other.languages : languages, or(note, other.note), origin, sidecar);
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** This description with the publication's title and its key in the authority list (null when not in it). */
    public SourceDescription withAuthorityTitle(String authorityTitle, String key) {
        return new SourceDescription(kind, authorityTitle, provisionalTitle && authorityTitle.equals(title), key, author, volume, issue, date, place, publisher,
                languages, note, origin, sidecar);
    }
}
