package org.workersarchive.review.web;

import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.review.html.Html;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.workersarchive.annotate.AuthorityEntry;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Ids;
import org.workersarchive.review.authority.AuthorityAdditions;
import org.workersarchive.review.authority.NewName;
import org.workersarchive.review.correct.ArchiveWriteLock;

/**
 * The names the runs found that the authority list does not know, each with a form that adds it to
 * the archive's list, and an entry of the list as the entity links show it.
 */
final class NamesPages {

    private final Services services;
    private final Supplier<ReviewWeb.Current> reload;

    /** @param reload reads the authority list again and makes the corrector that writes with it */
    NamesPages(Services services, Supplier<ReviewWeb.Current> reload) {
        this.services = services;
        this.reload = reload;
    }

    void list(Context ctx) throws IOException {
        Set<String> known = new HashSet<>();
        services.list().list().entries().forEach(e -> e.names().forEach(n -> known.add(n.toLowerCase(Locale.ROOT))));
        List<NewName> names = NewName.ofRuns(services.archive(), known);
        Html html = Layout.start(ctx, services, "New names");
        html.leaf("h1", names.size() + " name(s) the authority list does not know");
        html.leaf("p", "Found by the runs (their new-names.json). An entry added here goes into the archive's "
                + "authority.xml, where the documents' references point; a run publishes its configured list over that "
                + "file, so give archive.authority-list = " + services.archive().authorityList()
                + " in the runs' --config file to keep what is added here. Then link each occurrence from its page.");
        html.open("table", "id", "names", "class", "list");
        for (NewName name : names.stream().filter(n -> !n.type().equals("DATE")).toList()) {
            html.open("tr");
            String type = name.type().toLowerCase(Locale.ROOT);
            html.open("td").leaf("span", type, "class", "chip ent-" + type).close();
            html.leaf("td", name.surface(), "class", "surface");
            html.leaf("td", name.count() + "×");
            html.open("td");
            for (String id : name.documents()) {
                html.leaf("a", id, "href", "/view/" + id + "/1").text(" ");
            }
            html.leaf("div", String.join(" … ", name.contexts()), "class", "context").close();
            if (!services.config().readOnly()) {
                html.open("td");
                addForm(html, Guard.session(ctx), name, type);
                html.close();
            }
            html.close();
        }
        html.close();
        ctx.html(Layout.finish(html, false));
    }

    private static void addForm(Html html, Sessions.Session session, NewName name, String type) {
        html.open("form", "method", "post", "action", "/names", "class", "inline");
        html.empty("input", "type", "hidden", "name", "csrf", "value", session.csrf);
        html.empty("input", "type", "hidden", "name", "type", "value", type);
        html.empty("input", "type", "hidden", "name", "variant", "value", name.surface());
        html.empty("input", "name", "key", "size", "14", "aria-label", "key", "value", Ids.slug(name.surface()));
        html.empty("input", "name", "name", "size", "20", "aria-label", "preferred name", "value", name.surface());
        html.empty("input", "name", "wikidata", "size", "9", "aria-label", "Wikidata id", "placeholder", "Q…");
        html.leaf("button", "Add to the authority list", "type", "submit").close();
    }

    void add(Context ctx) throws IOException {
        EntityType type;
        try {
            type = EntityType.valueOf(String.valueOf(ctx.formParam("type")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a type of entry: " + ctx.formParam("type"));
        }
        AuthorityAdditions.Entry entry = new AuthorityAdditions.Entry(type, String.valueOf(ctx.formParam("key")).strip(),
                ctx.formParam("name"), ctx.formParam("variant"), ctx.formParam("wikidata"));
        try (ArchiveWriteLock lock = ArchiveWriteLock.take(services.archive(), "review server, adding #" + entry.key())) {
            new AuthorityAdditions().add(services.archive().authorityList(), entry);
            services.authority().set(reload.get());
        }
        Guard.session(ctx).flash = "Added #" + entry.key() + " (" + entry.preferredName() + ") to "
                + services.archive().authorityList() + ". Link its occurrences from their pages.";
        ctx.redirect("/names", HttpStatus.SEE_OTHER);
    }

    void entry(Context ctx) {
        String key = ctx.pathParam("key");
        AuthorityEntry entry = services.list().list().entry(key)
                .orElseThrow(() -> new NotFound("the authority list has no entry #" + key));
        Html html = Layout.start(ctx, services, entry.preferredName());
        html.leaf("h1", entry.preferredName(), "id", "entry");
        html.leaf("p", entry.type().name().toLowerCase(Locale.ROOT) + ", key #" + entry.key());
        if (entry.wikidataId() != null && entry.wikidataId().matches("Q\\d{1,12}")) {
            html.open("p").text("Wikidata: ").leaf("a", entry.wikidataId(), "href", "https://www.wikidata.org/wiki/"
                    + entry.wikidataId(), "rel", "noopener noreferrer").close();
        }
        html.leaf("h2", "Spellings");
        html.open("ul");
        entry.names().forEach(n -> html.leaf("li", n));
        html.close();
        html.open("p").leaf("a", "The entry in authority.xml", "href", "/" + ArchiveLayout.AUTHORITY_LIST).close();
        html.open("p").leaf("a", "Its mentions in the archive", "href", "/search?in=names&q=" + java.net.URLEncoder.encode(
                entry.preferredName(), java.nio.charset.StandardCharsets.UTF_8)).close();
        ctx.html(Layout.finish(html, false));
    }
}
