package org.workersarchive.annotate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.workersarchive.core.EntityType;

/**
 * Finds dates written out in French, Russian, German and English ("5 juin 1923", "5 июня 1923 г.",
 * "5. Juni 1923", "June 5, 1923", "mars 1930", "в 1923 г.") and gives their ISO 8601 value, as
 * precise as the text: 1923-06-05, 1930-03 or 1923. A bare year counts only after a cue ("en",
 * "in", "в") or before "г."/"года", since most four-digit numbers in these texts are not dates.
 * Thread-safe.
 */
final class DateRecognizer {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            // French
            Map.entry("janvier", 1), Map.entry("fevrier", 2), Map.entry("mars", 3), Map.entry("avril", 4),
            Map.entry("mai", 5), Map.entry("juin", 6), Map.entry("juillet", 7), Map.entry("aout", 8),
            Map.entry("septembre", 9), Map.entry("octobre", 10), Map.entry("novembre", 11), Map.entry("decembre", 12),
            Map.entry("janv", 1), Map.entry("fevr", 2), Map.entry("sept", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12),
            // German
            Map.entry("januar", 1), Map.entry("janner", 1), Map.entry("februar", 2), Map.entry("marz", 3),
            Map.entry("april", 4), Map.entry("juni", 6), Map.entry("juli", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("oktober", 10), Map.entry("november", 11), Map.entry("dezember", 12),
            // English
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("may", 5),
            Map.entry("june", 6), Map.entry("july", 7), Map.entry("october", 10), Map.entry("december", 12),
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("jun", 6),
            Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9),
            // Russian: the forms of май; the other months by their stems below
            Map.entry("май", 5), Map.entry("мая", 5), Map.entry("мае", 5));
    private static final Map<String, Integer> RUSSIAN_MONTH_STEMS = Map.ofEntries(
            Map.entry("январ", 1), Map.entry("феврал", 2), Map.entry("март", 3), Map.entry("апрел", 4),
            Map.entry("июн", 6), Map.entry("июл", 7), Map.entry("август", 8), Map.entry("сентябр", 9),
            Map.entry("октябр", 10), Map.entry("ноябр", 11), Map.entry("декабр", 12));
    private static final Set<String> YEAR_CUES = Set.of("en", "in", "im", "au", "dans", "year", "jahre", "jahr",
            "an", "в", "во", "году");
    private static final Set<String> YEAR_SUFFIXES = Set.of("г", "г.", "года", "году", "год", "гг");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})(er|re|st|nd|rd|th|-го|-е)?");
    private static final Pattern YEAR = Pattern.compile("(1[89]\\d\\d|20\\d\\d)(г)?");

    /** The dates among the tokens, skipping tokens already taken by other entities. */
    List<TokenMatch> find(List<Token> tokens, boolean[] taken) {
        List<TokenMatch> dates = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            TokenMatch date = taken[i] ? null : dateAt(tokens, taken, i);
            if (date == null) {
                i++;
            } else {
                dates.add(date);
                i = date.end();
            }
        }
        return dates;
    }

    private TokenMatch dateAt(List<Token> tokens, boolean[] taken, int i) {
        Integer day = day(tokens, taken, i);
        Integer month = month(tokens, taken, i + 1);
        Integer year = year(tokens, taken, i + 2);
        if (day != null && month != null && year != null) {
            return fullDate(tokens, taken, i, i + 3, year, month, day);
        }
        month = month(tokens, taken, i);
        day = day(tokens, taken, i + 1);
        year = year(tokens, taken, i + 2);
        if (month != null && day != null && year != null) {
            return fullDate(tokens, taken, i, i + 3, year, month, day);
        }
        year = year(tokens, taken, i + 1);
        if (month != null && year != null) {
            return match(tokens, taken, i, i + 2, String.format("%04d-%02d", year, month), true);
        }
        year = year(tokens, taken, i);
        if (year != null && (hasSuffix(tokens, taken, i + 1) || i > 0 && YEAR_CUES.contains(tokens.get(i - 1).normalized())
                || tokens.get(i).normalized().endsWith("г"))) {
            return match(tokens, taken, i, i + 1, String.format("%04d", year), false);
        }
        return null;
    }

    private TokenMatch fullDate(List<Token> tokens, boolean[] taken, int start, int end, int year, int month, int day) {
        try {
            return match(tokens, taken, start, end, LocalDate.of(year, month, day).toString(), true);
        } catch (DateTimeException impossible) {
            // "31 juin" is a misreading, not a date.
            return null;
        }
    }

    /** The match, extended over a following "г."/"года" when there is one. */
    private TokenMatch match(List<Token> tokens, boolean[] taken, int start, int end, String iso, boolean certain) {
        int last = hasSuffix(tokens, taken, end) ? end + 1 : end;
        return new TokenMatch(EntityType.DATE, start, last, null, iso, certain ? 1.0 : 0.8);
    }

    private static boolean hasSuffix(List<Token> tokens, boolean[] taken, int i) {
        return free(tokens, taken, i) && YEAR_SUFFIXES.contains(tokens.get(i).surface().toLowerCase().strip()
                .replaceAll("[,;:)]+$", ""));
    }

    private static Integer day(List<Token> tokens, boolean[] taken, int i) {
        if (!free(tokens, taken, i)) {
            return null;
        }
        Matcher day = DAY.matcher(tokens.get(i).normalized());
        if (!day.matches()) {
            return null;
        }
        int value = Integer.parseInt(day.group(1));
        return value >= 1 && value <= 31 ? value : null;
    }

    private static Integer month(List<Token> tokens, boolean[] taken, int i) {
        if (!free(tokens, taken, i)) {
            return null;
        }
        String word = tokens.get(i).normalized();
        Integer month = MONTHS.get(word);
        if (month != null) {
            return month;
        }
        for (Map.Entry<String, Integer> stem : RUSSIAN_MONTH_STEMS.entrySet()) {
            if (word.startsWith(stem.getKey()) && word.length() <= stem.getKey().length() + 2) {
                return stem.getValue();
            }
        }
        return null;
    }

    private static Integer year(List<Token> tokens, boolean[] taken, int i) {
        if (!free(tokens, taken, i)) {
            return null;
        }
        Matcher year = YEAR.matcher(tokens.get(i).normalized());
        return year.matches() ? Integer.parseInt(year.group(1)) : null;
    }

    private static boolean free(List<Token> tokens, boolean[] taken, int i) {
        return i >= 0 && i < tokens.size() && !taken[i];
    }
}
