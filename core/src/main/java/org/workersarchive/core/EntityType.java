package org.workersarchive.core;

/** What an annotation marks; each maps to one TEI element. */
public enum EntityType {
    PERSON("persName"),
    ORGANISATION("orgName"),
    PLACE("placeName"),
    /** A periodical, pamphlet or book. */
    PUBLICATION("title"),
    /** A congress, an uprising, a policy: what the authority list's listEvent holds. */
    EVENT("eventName"),
    DATE("date");

    private final String teiElement;

    EntityType(String teiElement) {
        this.teiElement = teiElement;
    }

    /** The TEI element that marks this type in the text. */
    public String teiElement() {
        return teiElement;
    }
}
