package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.workersarchive.core.EntityType;

/**
 * Finds names the authority list does not know, by the signs such texts give: a title or a form of
 * address before capitalised words (camarade Sapronov, товарищ Медведев, Genosse Schwab, M.
 * Hagenbeck), initials before a surname (G. Sapronov, И. Н. Смирнов), and acronyms of two to six
 * capitals in running text (SPD, ВЦСПС): persons and organisations with no key, for an archivist to
 * add to the list. Only tokens that no other recogniser took are looked at. Thread-safe.
 */
final class OtherNameRecognizer {

    /** What a match of this recogniser is worth: a sign, not a lookup. */
    static final double CONFIDENCE = 0.6;

    /** Titles and forms of address, normalised (lower case, no accents), in the archive's four languages. */
    private static final Set<String> TITLES = Set.of(
            "camarade", "camarades", "citoyen", "citoyenne", "m", "mm", "mme", "monsieur", "madame", "general",
            "genosse", "genossin", "genossen", "herr", "frau", "dr", "professor",
            "comrade", "comrades", "mr", "mrs", "citizen",
            "товарищ", "товарища", "товарищу", "товарищем", "тов", "гражданин", "гражданина");
    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.(\\p{Lu}\\.)?");
    private static final Pattern ROMAN = Pattern.compile("[IVXLCDM]+(e|er|ème)?");
    private static final int MAX_NAME_WORDS = 3;
    private static final int MAX_ACRONYM = 6;

    /** The names among the tokens not yet taken; marks what they take. */
    List<TokenMatch> find(List<Token> tokens, boolean[] taken) {
        List<TokenMatch> names = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (taken[i]) {
                continue;
            }
            TokenMatch name = nameAfterSign(tokens, taken, i);
            if (name == null && isAcronymInRunningText(tokens, i)) {
                name = new TokenMatch(EntityType.ORGANISATION, i, i + 1, null, null, CONFIDENCE);
            }
            if (name != null) {
                names.add(name);
                Arrays.fill(taken, name.start(), name.end(), true);
                i = name.end() - 1;
            }
        }
        return names;
    }

    /** A person after a title, or initials with their surname, starting at i; null when there is none. */
    private static TokenMatch nameAfterSign(List<Token> tokens, boolean[] taken, int i) {
        Token token = tokens.get(i);
        boolean title = TITLES.contains(token.normalized());
        boolean initials = INITIAL.matcher(token.surface()).matches();
        if (!title && !initials) {
            return null;
        }
        int start = title ? i + 1 : i;
        int end = i + 1;
        while (end < tokens.size() && !taken[end] && end - start < MAX_NAME_WORDS && isNameWord(tokens.get(end))) {
            end++;
            if (endsSentence(tokens.get(end - 1))) {
                break;
            }
        }
        boolean hasSurname = end > i + 1 && tokens.get(end - 1).normalized().length() >= 2
                && !INITIAL.matcher(tokens.get(end - 1).surface()).matches();
        return hasSurname && end > start ? new TokenMatch(EntityType.PERSON, start, end, null, null, CONFIDENCE) : null;
    }

    /** A capitalised word that is neither an acronym nor a title: the stuff of names. */
    private static boolean isNameWord(Token token) {
        return token.isCapitalized() && !token.normalized().isEmpty() && Character.isLetter(token.normalized().charAt(0))
                && !TokenNormalizer.isAcronym(token.surface()) && !TITLES.contains(token.normalized())
                || INITIAL.matcher(token.surface()).matches();
    }

    private static boolean endsSentence(Token token) {
        return token.surface().matches(".*\\p{L}{2,}[.!?;:,»)]+$");
    }

    /** An acronym between words that are not capitals themselves, so that headings in capitals are not acronyms. */
    private static boolean isAcronymInRunningText(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        String letters = token.surface().replaceAll("[^\\p{L}]", "");
        if (!TokenNormalizer.isAcronym(token.surface()) || letters.length() > MAX_ACRONYM
                || ROMAN.matcher(letters).matches() || !token.surface().matches("[\\p{P}]*[\\p{Lu}\\d()-]+[\\p{P}]*")) {
            return false;
        }
        boolean capitalsBefore = i > 0 && isAllCapitals(tokens.get(i - 1));
        boolean capitalsAfter = i + 1 < tokens.size() && isAllCapitals(tokens.get(i + 1));
        return !capitalsBefore && !capitalsAfter;
    }

    private static boolean isAllCapitals(Token token) {
        String letters = token.surface().replaceAll("[^\\p{L}]", "");
        return !letters.isEmpty() && letters.equals(letters.toUpperCase(Locale.ROOT));
    }
}
