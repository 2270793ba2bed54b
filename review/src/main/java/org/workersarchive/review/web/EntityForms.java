package org.workersarchive.review.web;

import org.workersarchive.review.html.Html;
import java.util.Locale;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.EntityType;
import org.workersarchive.review.archive.DocumentState;

/** The forms beside an entity: accept it, reject it, change its type, point it at another entry. */
final class EntityForms {

    private EntityForms() {
    }

    static void write(Html html, Sessions.Session session, DocumentState state, int page, Annotation entity,
                      AuthorityList authority) {
        String action = "/view/" + state.id() + "/corrections";
        button(html, session, state, page, entity, action, "entity-accept", "Accept");
        button(html, session, state, page, entity, action, "entity-reject", "Reject");
        if (entity.type() == EntityType.DATE) {
            return;
        }
        open(html, session, state, page, entity, action, "entity-type");
        html.open("select", "name", "value", "aria-label", "type");
        for (EntityType type : EntityType.values()) {
            if (type != EntityType.DATE) {
                String name = type.name().toLowerCase(Locale.ROOT);
                html.leaf("option", name, "value", name, "selected", type == entity.type() ? "selected" : null);
            }
        }
        html.close().leaf("button", "Retype", "type", "submit").close();
        open(html, session, state, page, entity, action, "entity-ref");
        String list = "keys-" + entity.id();
        html.empty("input", "type", "text", "name", "value", "size", "14", "aria-label", "authority key",
                "list", list, "placeholder", "authority key", "value", entity.key());
        html.open("datalist", "id", list);
        authority.entries().stream().filter(e -> e.type() == entity.type())
                .forEach(e -> html.leaf("option", e.preferredName(), "value", e.key()));
        html.close().leaf("button", "Link", "type", "submit").close();
    }

    private static void button(Html html, Sessions.Session session, DocumentState state, int page, Annotation entity,
                               String action, String op, String label) {
        open(html, session, state, page, entity, action, op);
        html.leaf("button", label, "type", "submit", "class", op).close();
    }

    private static void open(Html html, Sessions.Session session, DocumentState state, int page, Annotation entity,
                             String action, String op) {
        html.open("form", "method", "post", "action", action, "class", "inline");
        DocumentPage.hidden(html, session, state, page);
        html.empty("input", "type", "hidden", "name", "op", "value", op);
        html.empty("input", "type", "hidden", "name", "target", "value", entity.id());
    }
}
