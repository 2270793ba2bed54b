package org.workersarchive.annotate;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words that stand before a person's name as a title, rank or office ("M.", "maréchal", "Herr",
 * "General", "président"), lower-cased, in French, German and English. HIPE's person names hold
 * them ("maréchal Haig", "général de Gaulle", "Kaiser Alexander"); each is rare in the training
 * data, so the model often leaves them out and {@link NameTitleRule} takes them in. Also the
 * German words before a place that belong to it ("Kanton", "Gemeinde"). Stateless.
 */
final class NameTitles {

    private static final Set<String> TITLES = Set.copyOf(List.of(
            // French
            "m", "mm", "mme", "mmes", "mlle", "mlles", "mgr", "me", "dr", "docteur", "monsieur", "madame", "mademoiselle",
            "messieurs", "sieur", "abbé", "père", "frère", "soeur", "sœur", "saint", "sainte", "st", "ste", "pape", "cardinal",
            "évêque", "archevêque", "curé", "pasteur", "roi", "reine", "prince", "princesse", "duc", "duchesse", "comte",
            "comtesse", "marquis", "marquise", "baron", "baronne", "vicomte", "empereur", "impératrice", "tsar", "czar",
            "sultan", "shah", "pacha", "lord", "lady", "sir", "général", "généraux", "maréchal", "amiral", "colonel",
            "lieutenant", "capitaine", "commandant", "major", "sergent", "caporal", "président", "présidente",
            "vice-président", "ministre", "chancelier", "secrétaire", "ambassadeur", "consul", "préfet", "maire",
            "syndic", "conseiller", "conseillère", "député", "sénateur", "juge", "professeur", "prof", "maître",
            "directeur", "gouverneur", "chef", "citoyen", "camarade", "feu",
            // German
            "herr", "herrn", "frau", "fräulein", "hr", "fr", "frl", "kaiser", "kaiserin", "könig", "königin", "königs",
            "fürst", "fürsten", "fürstin", "herzog", "herzogs", "herzogin", "graf", "grafen", "gräfin", "freiherr",
            "freiherrn", "baronin", "prinz", "prinzen", "prinzessin", "erzherzog", "erzherzogs", "großfürst",
            "großfürsten", "papst", "bischof", "pfarrer", "general", "generals", "generale", "gen", "oberst", "obersten",
            "hauptmann", "leutnant", "lieutenant", "marschall", "admiral", "admirals", "feldmarschall", "präsident",
            "präsidenten", "minister", "ministers", "ministerpräsident", "kanzler", "reichskanzler", "bundesrat",
            "bundesrath", "staatsrat", "staatsrath", "gesandte", "gesandten", "konsul", "consul", "bürgermeister",
            "stadtrat", "stadtrath", "nationalrat", "nationalrath", "regierungsrat", "regierungsrath", "professor",
            "prof", "doktor", "direktor", "director", "sekretär", "sekretair", "genosse", "genossen", "sankt", "st",
            // English
            "mr", "mrs", "ms", "miss", "messrs", "dr", "rev", "hon", "gen", "col", "capt", "captain", "lieut", "sgt",
            "king", "queen", "prince", "princess", "duke", "earl", "count", "president", "senator", "governor", "judge",
            "mayor", "secretary", "gov", "sen", "rep", "professor", "mister", "uncle", "aunt", "comrade"));

    /**
     * German words that stand before a place's name and belong to it in HIPE's annotation ("Kanton
     * Luzern", "Gemeinde Wahleren", "Stadt New-York"; "Canton" as the 19th century spelt it).
     */
    private static final Set<String> PLACE_WORDS = Set.copyOf(List.of(
            // German only: French place words ("canton", "rue") were measured too, and the French
            // held-out documents lost more than they gained.
            "kanton", "kantons", "kantone", "kantonen", "canton", "cantons", "gemeinde", "gemeinden", "kirchgemeinde",
            "bezirk", "bezirks", "bezirke", "amt", "amtes", "amts", "stadt", "dorf", "republik", "königreich",
            "kaiserreich", "fürstenthum", "fürstentum", "herzogthum", "herzogtum", "großherzogthum", "großherzogtum",
            "grafschaft", "provinz", "departement", "gouvernement", "insel", "stand", "standes", "stände", "staat",
            "staate", "staates", "strasse", "straße", "platz", "hafen"));

    private NameTitles() {
    }

    /** True when the piece is one of the titles (any case). */
    static boolean isTitle(String piece) {
        return TITLES.contains(piece.toLowerCase(Locale.ROOT));
    }

    /**
     * True when the piece is one of the words before a place's name that belong to it (any case),
     * in a text of the language (ISO 639-1).
     */
    static boolean isPlaceWord(String language, String piece) {
        return "de".equals(language) && PLACE_WORDS.contains(piece.toLowerCase(Locale.ROOT));
    }
}
