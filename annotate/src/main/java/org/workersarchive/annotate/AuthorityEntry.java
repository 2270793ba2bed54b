package org.workersarchive.annotate;

import java.util.List;
import java.util.Objects;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Ids;

/**
 * One entry of the authority list.
 *
 * @param key           its xml:id, stable: the archive's TEI points at it with @ref
 * @param type          person, organisation, place or publication
 * @param preferredName the form scholars cite
 * @param names         every spelling the sources use, the preferred one included
 * @param wikidataId    e.g. Q1394, or null when not certain
 */
public record AuthorityEntry(String key, EntityType type, String preferredName, List<String> names,
                             String wikidataId) {

    public AuthorityEntry {
        Ids.requireValid(key);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(preferredName, "preferredName");
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("authority entry " + key + " has no names");
        }
    }
}
