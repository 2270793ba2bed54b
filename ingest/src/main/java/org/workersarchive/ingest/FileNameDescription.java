package org.workersarchive.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceDescription.Kind;
import org.workersarchive.core.SourceDescription.Origin;

/**
 * The description a file name gives when it follows the archive's pattern
 * {@code PUBLICATION_DATE[_nISSUE][_pPAGE[-PAGE]].ext}, e.g. {@code ouvrier-communiste_1930-03_n06-07_p01.tif}:
 * the publication as a key of lower-case words joined by hyphens (the authority list's key gives its
 * proper title), the date as 1930, 1930-03 or 1930-03-15, the issue number (6-7 for a double issue),
 * the page (see {@link ScanSets}).
 */
public final class FileNameDescription {

    private static final Pattern NAME = Pattern.compile(
            "(?<publication>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)_(?<date>\\d{4}(?:-\\d{2}(?:-\\d{2})?)?)"
                    + "(?:_n(?<issue>\\d+(?:-\\d+)?))?(?:_p\\d{1,4}(?:-\\d{1,4})?)?");

    private FileNameDescription() {
    }

    /** The description in a file name or stem, if it follows the pattern. */
    public static Optional<SourceDescription> of(String fileNameOrStem) {
        String stem = ScanSets.isScanName(fileNameOrStem) ? ScanSets.stem(fileNameOrStem) : fileNameOrStem;
        Matcher name = NAME.matcher(stem);
        if (!name.matches() || !SourceDescription.hasIsoForm(name.group("date"))) {
            return Optional.empty();
        }
        String issue = name.group("issue") == null ? null : withoutLeadingZeros(name.group("issue"));
        String key = name.group("publication");
        // A day that does not exist (1930-02-31) is left out, and said, rather than written into @when.
        String date = name.group("date");
        boolean real = SourceDescription.isIsoDate(date);
        String note = real ? null : "The file name's date " + date + " is no day of the calendar; it was left out.";
        return Optional.of(new SourceDescription(issue == null ? Kind.UNKNOWN : Kind.PERIODICAL_ISSUE, title(key), true, key,
                null, null, issue, real ? date : null, null, null, List.of(), note, Origin.FILE_NAME, null));
    }

    /** A readable stand-in until the authority list gives the proper title: "ouvrier-communiste" → "Ouvrier Communiste". */
    private static String title(String key) {
        StringBuilder title = new StringBuilder();
        for (String word : key.split("-")) {
            if (!title.isEmpty()) {
                title.append(' ');
            }
            title.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return title.toString();
    }

    private static String withoutLeadingZeros(String issue) {
        return issue.replaceAll("(^|-)0+(?=\\d)", "$1");
    }
}
