package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.List;
import org.workersarchive.core.EntityType;

/**
 * Puts the name model's findings together with the authority list's and the dates: the list keeps
 * what it found (its precision on known names is what archivists rely on), and links what the
 * model found around it. A model's name that holds exactly one of the list's names of its type
 * ("Gavril Miasnikov" around "Miasnikov", "camarade Miasnikov") takes the list's key over the
 * model's span when the model is sure of it ({@link #SURE}), and leaves the list's name as it is
 * otherwise; one that crosses the list's names otherwise is dropped; one the list does not
 * touch is kept without a key. A model's date is kept only around a date the date recogniser read,
 * whose ISO value it takes: the model knows where a date phrase ends, the recogniser what it says.
 * Stateless.
 */
final class NameMerge {

    /**
     * How sure the model must be of a name around one of the list's to give it its bounds: the
     * list's own bounds are what archivists rely on, and a model's guess about as likely wrong as
     * right ("Въ Рабочей группѣ" at 0.65, the preposition taken in) should not move them. Not for
     * dates: the recogniser reads what a date says, not where its phrase begins.
     */
    static final double SURE = 0.8;

    private NameMerge() {
    }

    /** The known names and dates, and the model's names merged into them, not overlapping. */
    static List<TokenMatch> merge(KnownNames known, List<TokenMatch> found) {
        List<TokenMatch> names = new ArrayList<>(known.names());
        List<TokenMatch> dates = new ArrayList<>(known.dates());
        List<TokenMatch> unknown = new ArrayList<>();
        for (TokenMatch name : found) {
            List<TokenMatch> target = name.type() == EntityType.DATE ? dates : names;
            List<TokenMatch> inside = target.stream().filter(name::overlaps).toList();
            boolean crossesOther = (name.type() == EntityType.DATE ? names : dates).stream().anyMatch(name::overlaps);
            if (crossesOther || inside.size() > 1) {
                continue;
            }
            if (inside.isEmpty()) {
                if (name.type() != EntityType.DATE && unknown.stream().noneMatch(name::overlaps)) {
                    unknown.add(name);
                }
            } else if (holds(name, inside.get(0)) && (name.type() == EntityType.DATE || name.confidence() >= SURE)) {
                TokenMatch listed = inside.get(0);
                target.set(target.indexOf(listed), new TokenMatch(listed.type(), name.start(), name.end(),
                        listed.key(), listed.value(), listed.confidence(), name.bounds()));
            }
        }
        List<TokenMatch> all = new ArrayList<>(names);
        all.addAll(dates);
        all.addAll(unknown);
        return all;
    }

    /** True when the model's name holds the known one and says the same of it. */
    private static boolean holds(TokenMatch outer, TokenMatch inner) {
        return outer.type() == inner.type() && outer.start() <= inner.start() && inner.end() <= outer.end();
    }
}
