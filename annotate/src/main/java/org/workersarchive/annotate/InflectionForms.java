package org.workersarchive.annotate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The forms under which an inflected word meets a name in the authority list. A name's word
 * accepts its own form and, when it ends in a vowel ending (Рабочая, группа, Москва), its stem;
 * a word of the text offers its own form and itself without each case ending. The two meet when
 * the text's word is the name plus an ending (Мясникова, Мясниковым) or both share a stem
 * (Рабочей группы, в Москве); "мясник" does not meet Мясников.
 */
final class InflectionForms {

    /** Russian case endings, longest first. */
    private static final List<String> RUSSIAN_ENDINGS = List.of(
            "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими",
            "ой", "ей", "ом", "ем", "ым", "им", "ов", "ев", "ах", "ях", "ам", "ям", "ую", "юю",
            "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ых", "их",
            "а", "я", "у", "ю", "ы", "и", "е", "о", "ь");
    /** Endings of a dictionary form that inflection replaces. */
    private static final List<String> RUSSIAN_REPLACED_ENDINGS = List.of(
            "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "а", "я", "о", "е", "ь", "й");
    private static final int MIN_STEM = 3;
    private static final int MIN_LATIN_FOR_GENITIVE = 5;

    private InflectionForms() {
    }

    /** The forms a name's (normalised) word accepts. */
    static Set<String> ofName(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        if (TokenNormalizer.isCyrillic(word)) {
            for (String ending : RUSSIAN_REPLACED_ENDINGS) {
                if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
                    forms.add(word.substring(0, word.length() - ending.length()));
                    break;
                }
            }
        }
        return forms;
    }

    /** The forms a (normalised) word of the text offers; the first is the word itself. */
    static Set<String> ofText(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        if (TokenNormalizer.isCyrillic(word)) {
            for (String ending : RUSSIAN_ENDINGS) {
                if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
                    forms.add(word.substring(0, word.length() - ending.length()));
                }
            }
        } else if (word.length() >= MIN_LATIN_FOR_GENITIVE) {
            // English possessive and German genitive: Myasnikov's, Myasnikovs, Urals.
            if (word.endsWith("'s")) {
                forms.add(word.substring(0, word.length() - 2));
            } else if (word.endsWith("s")) {
                forms.add(word.substring(0, word.length() - 1));
            }
        }
        return forms;
    }
}
