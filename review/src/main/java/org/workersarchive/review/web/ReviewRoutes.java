package org.workersarchive.review.web;

import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.ArchiveLayout;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.review.correct.ArchiveWriteLock;
import org.workersarchive.review.correct.CorrectionConflict;
import org.workersarchive.review.iiif.ImageRequest;
import org.workersarchive.review.iiif.PageImages;

/** Every route of the server and how each failure is answered: a sentence, never a stack trace. */
public final class ReviewRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewRoutes.class);
    /** A viewer asks again for a tile refused while every render was taken: a render takes seconds at most. */
    private static final int RETRY_RENDER_AFTER_SECONDS = 5;

    private ReviewRoutes() {
    }

    /** @param reload reads the authority list again, for after it grew */
    static void install(JavalinConfig config, Services services, Supplier<ReviewWeb.Current> reload) {
        Guard guard = new Guard(services);
        ListPages lists = new ListPages(services);
        DocumentRoutes documents = new DocumentRoutes(services);
        IiifRoutes iiif = new IiifRoutes(services);
        FileRoutes files = new FileRoutes(services);
        SearchPage search = new SearchPage(services);
        NamesPages names = new NamesPages(services, reload);
        SessionRoutes sessions = new SessionRoutes(services, guard);
        var routes = config.routes;
        routes.before(guard::before);
        routes.get("/", lists::archive);
        routes.get("/failures", lists::failures);
        routes.get("/search", search::render);
        routes.get("/names", names::list);
        routes.post("/names", names::add);
        routes.get("/authority/{key}", names::entry);
        routes.get("/view/{id}", ctx -> ctx.redirect("/view/" + ctx.pathParam("id") + "/1", HttpStatus.SEE_OTHER));
        routes.get("/view/{id}/{page}", documents::view);
        routes.post("/view/{id}/corrections", documents::correct);
        routes.get("/login", sessions::loginPage);
        routes.post("/login", sessions::login);
        routes.post("/logout", sessions::logout);
        routes.post("/session/name", sessions::rename);
        routes.get("/iiif/3/{id}/{page}/info.json", iiif::info);
        routes.get("/iiif/3/{id}/{page}/{region}/{size}/{rotation}/{quality}", iiif::image);
        routes.get("/" + ArchiveLayout.DOCUMENTS + "/{id}/" + DocumentFolder.IIIF_MANIFEST, iiif::manifest);
        routes.get("/" + ArchiveLayout.DOCUMENTS + "/<rest>", files::archiveFile);
        routes.get("/" + ArchiveLayout.RUNS + "/<rest>", files::archiveFile);
        routes.get("/" + ArchiveLayout.AUTHORITY_LIST, files::archiveFile);
        routes.get("/assets/<path>", files::asset);
        errors(config, services);
    }

    private static void errors(JavalinConfig config, Services services) {
        var routes = config.routes;
        routes.exception(NotFound.class, (e, ctx) -> answer(ctx, services, HttpStatus.NOT_FOUND, "Not found", e));
        routes.exception(ImageRequest.Refused.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .contentType("text/plain; charset=utf-8").result(e.getMessage()));
        routes.exception(PageImages.Unservable.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND)
                .contentType("text/plain; charset=utf-8").result(e.getMessage()));
        routes.exception(PageImages.Busy.class, (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(RETRY_RENDER_AFTER_SECONDS))
                .contentType("text/plain; charset=utf-8").result(e.getMessage()));
        routes.exception(Guard.Forbidden.class, (e, ctx) -> answer(ctx, services, HttpStatus.FORBIDDEN, "Refused", e));
        routes.exception(CorrectionConflict.class, (e, ctx) -> answer(ctx, services, HttpStatus.CONFLICT, "Not saved", e));
        routes.exception(ArchiveWriteLock.Busy.class, (e, ctx) ->
                answer(ctx, services, HttpStatus.SERVICE_UNAVAILABLE, "Not saved", e));
        routes.exception(IllegalArgumentException.class, (e, ctx) ->
                answer(ctx, services, HttpStatus.BAD_REQUEST, "Not done", e));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, services, HttpStatus.INTERNAL_SERVER_ERROR, "The server failed",
                    new IllegalStateException("the server could not do this: " + e.getMessage() + " (its log says more)"));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null) {
                answer(ctx, services, HttpStatus.NOT_FOUND, "Not found", new NotFound("no page here: " + ctx.path()));
            }
        });
    }

    /** A page with the reason; what the person typed, when there was a form, shown so it is not lost. */
    private static void answer(Context ctx, Services services, HttpStatus status, String heading, Exception e) {
        String back = ctx.header("Referer") != null && ctx.pathParamMap().containsKey("id")
                ? "/view/" + ctx.pathParam("id") + "/1" : "/";
        String typed = ctx.method().name().equals("POST") && ctx.isFormUrlencoded() ? ctx.formParam("value") : null;
        ctx.status(status).html(MessagePage.render(ctx, services, heading, e.getMessage(), typed, back));
    }
}
