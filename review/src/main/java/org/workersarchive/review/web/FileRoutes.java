package org.workersarchive.review.web;

import org.workersarchive.core.ArchiveFiles;
import org.workersarchive.core.ArchiveLayout;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The archive's own files (TEI, ALTO, PAGE, PDF, manifests, images, run reports) at their paths in
 * the archive, as any web server would serve the folder, and the server's assets. Every path is
 * confined: only under documents/ and runs/, and the authority list; no hidden name, no {@code ..},
 * no link that leads out of the archive; anything else is not found. Files are sent as data, never
 * as pages the browser would run (a sandbox policy, and XML as XML).
 */
final class FileRoutes {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("xml", "application/xml"),
            Map.entry("json", "application/json"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("sha256", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("yaml", "text/plain; charset=utf-8"));
    private static final List<String> SERVED = List.of(ArchiveLayout.DOCUMENTS, ArchiveLayout.RUNS);
    private static final String ASSETS = "/org/workersarchive/review/assets/";

    private final Services services;

    FileRoutes(Services services) {
        this.services = services;
    }

    /** {@code /documents/…}, {@code /runs/…} and {@code /authority.xml}: the file, or 404. */
    void archiveFile(Context ctx) throws IOException {
        Path file = confined(ctx.path());
        String type = TYPES.getOrDefault(extension(file), "application/octet-stream");
        // A report.html is the one page of the archive: self-contained, it runs no script.
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'");
        ctx.contentType(type);
        ctx.result(Files.newInputStream(file));
    }

    /** The server's own scripts, styles and OpenSeadragon. */
    void asset(Context ctx) throws IOException {
        String path = ctx.pathParam("path");
        if (!path.matches("[a-z0-9][a-z0-9_./-]{0,200}") || path.contains("..")) {
            throw new NotFound("no such asset");
        }
        InputStream in = FileRoutes.class.getResourceAsStream(ASSETS + path);
        if (in == null) {
            throw new NotFound("no such asset");
        }
        ctx.contentType(TYPES.getOrDefault(extension(Path.of(path)), "application/octet-stream"));
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.result(in);
    }

    /** The file a request path names in the archive, or {@link NotFound}. */
    Path confined(String requestPath) throws IOException {
        String[] segments = requestPath.substring(1).split("/", -1);
        boolean authority = segments.length == 1 && segments[0].equals(ArchiveLayout.AUTHORITY_LIST);
        if (!authority && (segments.length < 2 || !SERVED.contains(segments[0]))) {
            throw new NotFound("not a file of the archive: " + requestPath);
        }
        Path root = services.archive().root().toRealPath();
        Path file = root;
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new NotFound("not a file of the archive: " + requestPath);
            }
            file = file.resolve(segment);
        }
        return ArchiveFiles.regularFileInside(root, file)
                .orElseThrow(() -> new NotFound("no such file in the archive: " + requestPath));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
