package org.workersarchive.review.web;

import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.review.html.Html;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.workersarchive.annotate.AuthorityEntry;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.Word;
import org.workersarchive.review.archive.DocumentState;

/**
 * A page of a document: its image in a deep-zoom viewer beside its text, lines and words boxed on
 * the image (drawn by the page's script from the boxes written here), doubtful words and each entity
 * type in their own colour, the entities with their authority entries, and the forms that correct
 * them. Everything shown is written through {@link Html}, escaped.
 */
final class DocumentPage {

    private final Services services;

    DocumentPage(Services services) {
        this.services = services;
    }

    /** @param highlight lines to mark (a search's hits), and words to mark within them (its terms) */
    String render(Context ctx, DocumentState state, int number, Set<String> highlight, Set<String> terms) {
        Page page = state.document().pages().get(number - 1);
        String id = state.id();
        String title = services.catalog().summary(id).map(s -> s.title()).orElse(id);
        Html html = Layout.start(ctx, services, title + ", page " + number);
        html.open("div", "class", "doc-head").leaf("h1", title, "id", "title");
        pager(html, id, number, state.document().pages().size());
        html.open("p", "class", "files").text("Files: ");
        String documents = "/" + ArchiveLayout.DOCUMENTS + "/";
        for (String[] file : List.of(new String[] {"TEI", DocumentFolder.TEI}, new String[] {"text", DocumentFolder.TEXT},
                new String[] {"PDF", DocumentFolder.PDF}, new String[] {"IIIF manifest", DocumentFolder.IIIF_MANIFEST})) {
            html.leaf("a", file[0], "href", documents + id + "/" + file[1]).text(" ");
        }
        String folder = documents + DocumentFolder.asUrl(services.archive().documents().relativize(state.folder())) + "/";
        html.leaf("a", "ALTO", "href", folder + DocumentFolder.asUrl(DocumentFolder.altoFile(number))).text(" ");
        html.leaf("a", "PAGE", "href", folder + DocumentFolder.asUrl(DocumentFolder.pageXmlFile(number)));
        html.close().close();
        if (!state.correctable()) {
            html.leaf("p", "This document's TEI was edited by hand outside the pipeline: it is shown as the pipeline "
                    + "wrote it, and corrections are not taken here.", "class", "warning");
        }
        html.open("div", "class", "workspace");
        html.open("div", "id", "viewer", "data-info", "/iiif/3/" + id + "/" + number + "/info.json",
                "data-width", String.valueOf(page.image().width()), "data-height", String.valueOf(page.image().height()))
                .close();
        html.open("div", "class", "side");
        text(html, state, page, highlight, terms);
        boolean editable = editable(state);
        if (editable) {
            editor(html, ctx, state, number);
        }
        entities(html, ctx, state, page, editable);
        html.close().close();
        return Layout.finish(html, true);
    }

    private boolean editable(DocumentState state) {
        return !services.config().readOnly() && state.correctable();
    }

    private static void pager(Html html, String id, int number, int pages) {
        html.open("nav", "class", "pager").text("Page " + number + " of " + pages + " ");
        if (number > 1) {
            html.leaf("a", "← previous", "href", "/view/" + id + "/" + (number - 1), "id", "previous").text(" ");
        }
        if (number < pages) {
            html.leaf("a", "next →", "href", "/view/" + id + "/" + (number + 1), "id", "next");
        }
        html.close();
    }

    private void text(Html html, DocumentState state, Page page, Set<String> highlight, Set<String> terms) {
        Map<String, Annotation> entityOfWord = new HashMap<>();
        state.document().annotations().forEach(a -> a.wordIds().forEach(w -> entityOfWord.put(w, a)));
        int doubtfulBelow = services.config().tei().uncertainBelow();
        html.open("div", "id", "text", "lang", page.languages().isEmpty() ? null : page.languages().get(0).tag());
        if (page.blocks().isEmpty()) {
            html.leaf("p", "No text was read on this page.", "class", "empty");
        }
        for (Block block : page.blocks()) {
            html.open("div", "class", "block");
            for (Line line : block.lines()) {
                html.open("div", "class", highlight.contains(line.id()) ? "line hit" : "line", "id", "line-" + line.id(),
                        "data-line", line.id(), "data-box", box(line.box()), "data-text", line.text());
                for (Word word : line.words()) {
                    Annotation entity = entityOfWord.get(word.id());
                    html.leaf("span", word.text(), "class", wordClass(word, entity, doubtfulBelow, terms),
                            "id", "word-" + word.id(), "data-word", word.id(), "data-box", box(word.box()),
                            "data-entity", entity == null ? null : entity.id(),
                            "title", String.format(Locale.ROOT, "confidence %.0f", word.confidence()));
                    html.text(" ");
                }
                html.leaf("button", "✎", "type", "button", "class", "edit-line", "data-line", line.id(),
                        "title", "correct this line");
                html.close();
            }
            html.close();
        }
        html.close();
    }

    private String wordClass(Word word, Annotation entity, int doubtfulBelow, Set<String> terms) {
        StringBuilder classes = new StringBuilder("w");
        if (word.confidence() < doubtfulBelow) {
            classes.append(" doubtful");
        }
        if (entity != null) {
            classes.append(" ent ent-").append(entity.type().name().toLowerCase(Locale.ROOT));
        }
        if (!terms.isEmpty() && services.index().terms(word.text()).stream().anyMatch(terms::contains)) {
            classes.append(" match");
        }
        return classes.toString();
    }

    private static void editor(Html html, Context ctx, DocumentState state, int number) {
        Sessions.Session session = Guard.session(ctx);
        html.open("form", "id", "editor", "class", "editor", "method", "post",
                "action", "/view/" + state.id() + "/corrections", "hidden", "hidden");
        hidden(html, session, state, number);
        html.empty("input", "type", "hidden", "name", "op", "id", "editor-op", "value", "word");
        html.empty("input", "type", "hidden", "name", "target", "id", "editor-target", "value", "");
        html.open("label", "for", "editor-value").leaf("span", "", "id", "editor-label").close();
        html.empty("input", "type", "text", "name", "value", "id", "editor-value", "autocomplete", "off",
                "spellcheck", "false");
        html.leaf("button", "Save", "type", "submit", "id", "editor-save");
        html.leaf("button", "Cancel", "type", "button", "id", "editor-cancel").close();
        html.open("form", "method", "post", "action", "/view/" + state.id() + "/corrections", "class", "inline");
        hidden(html, session, state, number);
        html.empty("input", "type", "hidden", "name", "op", "value", "page-checked");
        html.empty("input", "type", "hidden", "name", "target", "value", String.valueOf(number));
        String label = state.review().checkedPages().contains(number) ? "Checked whole again against the image"
                : "I have read this whole page against the image";
        html.leaf("button", label, "type", "submit", "id", "page-checked").close();
    }

    static void hidden(Html html, Sessions.Session session, DocumentState state, int number) {
        html.empty("input", "type", "hidden", "name", "csrf", "value", session.csrf);
        html.empty("input", "type", "hidden", "name", "base", "value", state.teiSha256());
        html.empty("input", "type", "hidden", "name", "page", "value", String.valueOf(number));
    }

    private void entities(Html html, Context ctx, DocumentState state, Page page, boolean editable) {
        Set<String> pageWords = new java.util.HashSet<>(page.words().map(Word::id).toList());
        List<Annotation> onPage = state.document().annotations().stream()
                .filter(a -> pageWords.contains(a.firstWordId())).toList();
        html.leaf("h2", onPage.size() + " names and dates on this page");
        html.open("table", "id", "entities", "class", "list");
        Map<String, Word> words = state.document().wordsById();
        for (Annotation entity : onPage) {
            html.open("tr", "id", "entity-" + entity.id(), "data-entity", entity.id());
            String type = entity.type().name().toLowerCase(Locale.ROOT);
            html.open("td").leaf("span", type, "class", "chip ent-" + type).close();
            html.leaf("td", String.join(" ", entity.wordIds().stream().map(words::get).map(Word::text).toList()),
                    "class", "surface");
            html.open("td");
            link(html, entity);
            html.close();
            html.leaf("td", state.review().accepted().contains(entity.id()) ? "accepted" : "", "class", "decision");
            if (editable) {
                html.open("td", "class", "actions");
                EntityForms.write(html, Guard.session(ctx), state, page.number(), entity, services.list().list());
                html.close();
            }
            html.close();
        }
        html.close();
    }

    private void link(Html html, Annotation entity) {
        if (entity.type() == EntityType.DATE) {
            html.text(entity.value() == null ? "" : entity.value());
            return;
        }
        if (entity.key() == null) {
            html.leaf("span", "not in the authority list", "class", "unknown");
            return;
        }
        AuthorityEntry entry = services.list().list().entry(entity.key()).orElse(null);
        html.leaf("a", entry == null ? "#" + entity.key() : entry.preferredName(), "href", "/authority/" + entity.key(),
                "class", "authority");
        if (entry != null && entry.wikidataId() != null && entry.wikidataId().matches("Q\\d{1,12}")) {
            html.text(" ").leaf("a", entry.wikidataId(), "href", "https://www.wikidata.org/wiki/" + entry.wikidataId(),
                    "class", "wikidata", "rel", "noopener noreferrer");
        }
    }

    static String box(BoundingBox box) {
        return box.x() + "," + box.y() + "," + box.width() + "," + box.height();
    }
}
