package org.workersarchive.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Given names, surnames and places (countries, states, cities) of Europe's languages and English
 * (names/given-names.txt, surnames.txt, places.txt, from @faker-js/faker's person and location
 * data: annotate/scripts/name-lists.sh), compared as {@link TokenNormalizer} folds words. The
 * training data holds a few thousand names; "Karl" or "Maurice" seen once there say little of
 * "Rudolf" never seen, whereas the lists let the model learn what a given name before a
 * capitalised word means, whichever name it is. Stateless; thread-safe.
 */
final class NameWordLists {

    private static final Set<String> GIVEN_NAMES = read("names/given-names.txt");
    private static final Set<String> SURNAMES = read("names/surnames.txt");
    private static final Set<String> PLACES = read("names/places.txt");

    private NameWordLists() {
    }

    /** What the lists know of a word. */
    record Listed(boolean givenName, boolean surname, boolean place) {

        static final Listed NONE = new Listed(false, false, false);
    }

    /** What the lists know of the word, folded once. */
    static Listed of(String word) {
        String folded = TokenNormalizer.normalize(word);
        return new Listed(GIVEN_NAMES.contains(folded), SURNAMES.contains(folded), PLACES.contains(folded));
    }

    private static Set<String> read(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = NameWordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the annotate module's jar lacks " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    words.add(TokenNormalizer.normalize(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Set.copyOf(words);
    }
}
