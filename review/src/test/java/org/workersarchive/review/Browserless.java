package org.workersarchive.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A client of the server as a browser without script would be: it keeps cookies, sends forms with
 * the page's hidden fields, and does not follow redirects, so that a test sees each answer.
 */
final class Browserless {

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Browserless(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A correction as the page's form sends it: the page's token and TEI checksum, then the change. */
    HttpResponse<String> correct(String page, String op, String target, String value)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", field(page, "csrf"));
        form.put("base", field(page, "base"));
        form.put("page", "1");
        form.put("op", op);
        form.put("target", target);
        form.put("value", value);
        return post("/view/" + ArchiveFixture.ID + "/corrections", form);
    }

    /** A hidden field's value as the page holds it. */
    static String field(String page, String name) {
        String before = "name=\"" + name + "\" value=\"";
        int start = page.indexOf(before);
        if (start < 0) {
            throw new AssertionError("the page has no field " + name);
        }
        start += before.length();
        return page.substring(start, page.indexOf('"', start));
    }

    /** The id of the first word of the page that reads so. */
    static String wordId(String page, String text) {
        int at = page.indexOf(">" + text + "</span>");
        int start = page.lastIndexOf("data-word=\"", at) + "data-word=\"".length();
        return page.substring(start, page.indexOf('"', start));
    }

    /** The request's bytes exactly as given: no client library tidies the path first. */
    String raw(String requestLine) throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: " + uri.getAuthority() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
