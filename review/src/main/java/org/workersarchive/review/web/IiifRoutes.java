package org.workersarchive.review.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.workersarchive.core.ArchiveFiles;
import org.workersarchive.core.Page;
import org.workersarchive.review.archive.DocumentState;
import org.workersarchive.review.iiif.ImageRequest;

/**
 * IIIF: each page image through the Image API 3.0 at level 1 ({@code /iiif/3/ID/PAGE/…}), and each
 * document's manifest as the pipeline wrote it, its URLs on this server and each canvas's image
 * given its image service, so that Mirador, Universal Viewer or TEI Publisher open it here and zoom.
 */
final class IiifRoutes {

    static final String PREFIX = "/iiif/3/";
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(:\\d{1,5})?");
    /** Tiles the viewer asks for: larger than a screen's part, small enough to come quickly. */
    private static final int TILE = 1024;

    private final Services services;
    private final ObjectMapper json = new ObjectMapper();

    IiifRoutes(Services services) {
        this.services = services;
    }

    void info(Context ctx) throws IOException {
        DocumentState state = state(ctx);
        Page page = page(state, ctx.pathParam("page"));
        pageImage(state, page);
        ObjectNode info = json.createObjectNode();
        info.put("@context", "http://iiif.io/api/image/3/context.json");
        info.put("id", base(ctx) + "iiif/3/" + state.id() + "/" + page.number());
        info.put("type", "ImageService3");
        info.put("protocol", "http://iiif.io/api/image");
        info.put("profile", "level1");
        info.put("width", page.image().width());
        info.put("height", page.image().height());
        // The largest image returned, as the API lets a server say (a "max" request is scaled to fit).
        info.put("maxWidth", services.images().budget().maxSide());
        info.put("maxHeight", services.images().budget().maxSide());
        info.put("maxArea", services.images().budget().maxArea());
        ObjectNode tiles = info.putArray("tiles").addObject();
        tiles.put("width", TILE);
        ArrayNode factors = tiles.putArray("scaleFactors");
        for (int factor = 1; factor <= 16; factor *= 2) {
            factors.add(factor);
        }
        info.putArray("extraFormats").add("png");
        info.putArray("extraQualities").add("gray");
        ctx.contentType("application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\"");
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.result(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
    }

    void image(Context ctx) throws IOException {
        DocumentState state = state(ctx);
        Page page = page(state, ctx.pathParam("page"));
        ImageRequest request = ImageRequest.parse(ctx.pathParam("region"), ctx.pathParam("size"),
                ctx.pathParam("rotation"), ctx.pathParam("quality"), page.image().width(), page.image().height(),
                services.images().budget());
        byte[] image = services.images().render(pageImage(state, page), page.image().width(), page.image().height(),
                request);
        ctx.contentType(request.format().equals("png") ? "image/png" : "image/jpeg");
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Cache-Control", "private, max-age=60");
        ctx.result(image);
    }

    /** The document's manifest.json, its URLs on this server, each painted image with its image service. */
    void manifest(Context ctx) throws IOException {
        DocumentState state = state(ctx);
        Path file = inArchive(services.archive().document(state.id()).iiifManifest(),
                "document " + state.id() + " has no IIIF manifest in the archive");
        JsonNode manifest = json.readTree(file.toFile());
        String base = base(ctx);
        JsonNode moved = rebased(manifest, services.config().iiif().baseUrl(), base);
        JsonNode canvases = moved.path("items");
        for (int i = 0; i < canvases.size(); i++) {
            JsonNode body = canvases.get(i).path("items").path(0).path("items").path(0).path("body");
            if (body instanceof ObjectNode image) {
                ObjectNode service = image.putArray("service").addObject();
                service.put("id", base + "iiif/3/" + state.id() + "/" + (i + 1));
                service.put("type", "ImageService3");
                service.put("profile", "level1");
            }
        }
        ctx.contentType("application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\"");
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.result(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(moved));
    }

    /** Every string that starts with the configured base URL, moved under this server's. */
    private static JsonNode rebased(JsonNode node, String from, String to) {
        if (node.isTextual() && node.asText().startsWith(from)) {
            return TextNode.valueOf(to + node.asText().substring(from.length()));
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(rebased(field.getValue(), from, to));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rebased(array.get(i), from, to));
            }
        }
        return node;
    }

    /** This server's URL as the client reached it; its configured address when the Host header is odd. */
    String base(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            host = services.config().host() + ":" + ctx.port();
        }
        return "http://" + host + "/";
    }

    private DocumentState state(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        return services.states().current(id).orElseThrow(() -> new NotFound("the archive has no document " + id));
    }

    /** The page's image file, when it is one of the archive's own files. */
    private Path pageImage(DocumentState state, Page page) {
        return inArchive(state.pageImage(page.number()),
                "page " + page.number() + " of document " + state.id() + " has no image in the archive");
    }

    /** The file's real path when it is a regular file inside the archive; else not found, with the reason. */
    private Path inArchive(Path file, String otherwise) {
        return ArchiveFiles.regularFileInside(services.archive().root(), file).orElseThrow(() -> new NotFound(otherwise));
    }

    private static Page page(DocumentState state, String number) {
        if (!number.matches("\\d{1,6}") || Integer.parseInt(number) < 1
                || Integer.parseInt(number) > state.document().pages().size()) {
            throw new NotFound("document " + state.id() + " has no page " + number);
        }
        return state.document().pages().get(Integer.parseInt(number) - 1);
    }
}
