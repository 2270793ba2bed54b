package org.workersarchive.review.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.workersarchive.review.archive.DocumentState;
import org.workersarchive.review.correct.Correction;
import org.workersarchive.review.correct.CorrectionConflict;
import org.workersarchive.review.correct.DocumentCorrector;

/** A document's pages and the corrections made on them: HTTP in, the plain classes do the work. */
final class DocumentRoutes {

    private final Services services;
    private final DocumentPage page;

    DocumentRoutes(Services services) {
        this.services = services;
        this.page = new DocumentPage(services);
    }

    void view(Context ctx) throws IOException {
        DocumentState state = state(ctx.pathParam("id"));
        int number = pageNumber(ctx.pathParam("page"), state);
        Set<String> hits = new LinkedHashSet<>();
        String hl = ctx.queryParam("hl");
        if (hl != null) {
            Arrays.stream(hl.split(",")).map(String::strip).filter(s -> s.matches("[A-Za-z0-9._-]{1,40}")).limit(200)
                    .forEach(hits::add);
        }
        String q = ctx.queryParam("q");
        Set<String> terms = q == null || q.isBlank() ? Set.of() : services.index().terms(q);
        ctx.html(page.render(ctx, state, number, hits, terms));
    }

    void correct(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        DocumentState state = state(id);
        int number = pageNumber(ctx.formParam("page"), state);
        Sessions.Session session = Guard.session(ctx);
        String value = ctx.formParam("value");
        try {
            Correction correction = parse(ctx.formParam("op"), ctx.formParam("target"), value);
            DocumentCorrector.Saved saved = services.corrector().save(id, String.valueOf(ctx.formParam("base")),
                    correction, session.name);
            services.catalog().refresh(id);
            session.flash = "Saved as version " + saved.runId() + ": " + saved.said();
            ctx.redirect("/view/" + id + "/" + number, HttpStatus.SEE_OTHER);
        } catch (CorrectionConflict e) {
            ctx.status(HttpStatus.CONFLICT).html(MessagePage.render(ctx, services, "Not saved", e.getMessage(),
                    value, "/view/" + id + "/" + number));
        }
    }

    /** The correction the form asks for; a form that names no known operation is refused. */
    static Correction parse(String op, String target, String value) {
        if (op == null || target == null) {
            throw new IllegalArgumentException("the form names no correction");
        }
        return switch (op) {
            case "word" -> new Correction.WordText(target, value);
            case "line" -> new Correction.LineText(target, value);
            case "entity-accept" -> new Correction.AcceptEntity(target);
            case "entity-reject" -> new Correction.RejectEntity(target);
            case "entity-type" -> Correction.EntityTypeChange.parse(target, String.valueOf(value));
            case "entity-ref" -> new Correction.EntityRefChange(target, value);
            case "page-checked" -> new Correction.PageChecked(number(target));
            default -> throw new IllegalArgumentException("no such correction: " + op);
        };
    }

    private DocumentState state(String id) throws IOException {
        return services.states().current(id).orElseThrow(() -> new NotFound("the archive has no document " + id));
    }

    private static int pageNumber(String text, DocumentState state) {
        int number = number(text);
        if (number > state.document().pages().size()) {
            throw new NotFound("document " + state.id() + " has " + state.document().pages().size() + " page(s), not "
                    + number);
        }
        return number;
    }

    private static int number(String text) {
        if (text == null || !text.matches("\\d{1,6}") || Integer.parseInt(text) < 1) {
            throw new NotFound("not a page number: " + text);
        }
        return Integer.parseInt(text);
    }
}
