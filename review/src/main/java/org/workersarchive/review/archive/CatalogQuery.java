package org.workersarchive.review.archive;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How the archive's list is filtered and sorted, as the list's form gives it; every field may be
 * empty. Bad values are refused with a sentence a person understands. Immutable.
 *
 * @param language       a BCP 47 tag the document's pages are in (fr, ru, de-Latf), or ""
 * @param script         a script its pages were read in (Latin, Cyrillic, Fraktur), or ""
 * @param dateFrom       the earliest publication date, ISO (1920, 1923-06), or ""
 * @param dateTo         the latest, ISO, or ""
 * @param maxConfidence  only documents whose mean confidence is at most this (0..100), or -1 for all
 * @param sort           one of {@link #SORTS}
 */
public record CatalogQuery(String language, String script, String dateFrom, String dateTo, double maxConfidence,
                           String sort) {

    /** The orders the list can be sorted in, by name. */
    public static final Map<String, Comparator<DocumentSummary>> SORTS = Map.of(
            "title", Comparator.comparing((DocumentSummary d) -> d.title().toLowerCase(Locale.ROOT)),
            "date", Comparator.comparing((DocumentSummary d) -> d.date() == null ? "9999" : d.date()),
            "confidence", Comparator.comparingDouble(DocumentSummary::meanConfidence),
            "doubtful", Comparator.comparingInt(DocumentSummary::doubtfulWords).reversed(),
            "pages", Comparator.comparingInt(DocumentSummary::pages).reversed());
    public static final CatalogQuery ALL = new CatalogQuery("", "", "", "", -1, "title");
    private static final String ISO_DATE = "\\d{4}(-\\d{2}(-\\d{2})?)?";

    public CatalogQuery {
        language = language == null ? "" : language.strip();
        script = script == null ? "" : script.strip();
        dateFrom = dateFrom == null ? "" : dateFrom.strip();
        dateTo = dateTo == null ? "" : dateTo.strip();
        sort = sort == null || sort.isBlank() ? "title" : sort;
        if (!SORTS.containsKey(sort)) {
            throw new IllegalArgumentException("the list sorts by " + String.join(", ", SORTS.keySet().stream().sorted()
                    .toList()) + ", not by " + sort);
        }
        for (String date : List.of(dateFrom, dateTo)) {
            if (!date.isEmpty() && !date.matches(ISO_DATE)) {
                throw new IllegalArgumentException("a date is written 1923, 1923-06 or 1923-06-05, not " + date);
            }
        }
        if (maxConfidence > 100) {
            throw new IllegalArgumentException("a confidence is between 0 and 100, not " + maxConfidence);
        }
    }

    /** The documents that pass the filters, sorted. */
    public List<DocumentSummary> apply(List<DocumentSummary> documents) {
        return documents.stream().filter(filter()).sorted(SORTS.get(sort).thenComparing(DocumentSummary::id)).toList();
    }

    private Predicate<DocumentSummary> filter() {
        Predicate<DocumentSummary> all = d -> true;
        if (!language.isEmpty()) {
            all = all.and(d -> d.languages().stream().anyMatch(l -> l.equalsIgnoreCase(language)
                    || l.toLowerCase(Locale.ROOT).startsWith(language.toLowerCase(Locale.ROOT) + "-")));
        }
        if (!script.isEmpty()) {
            all = all.and(d -> d.scripts().stream().anyMatch(s -> s.equalsIgnoreCase(script)));
        }
        if (!dateFrom.isEmpty()) {
            all = all.and(d -> d.date() != null && d.date().compareTo(dateFrom) >= 0);
        }
        if (!dateTo.isEmpty()) {
            // 1923 reaches to the end of 1923: every date that starts with it is within.
            all = all.and(d -> d.date() != null && (d.date().compareTo(dateTo) <= 0 || d.date().startsWith(dateTo)));
        }
        if (maxConfidence >= 0) {
            all = all.and(d -> d.meanConfidence() >= 0 && d.meanConfidence() <= maxConfidence);
        }
        return all;
    }
}
