package org.workersarchive.export;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where IIIF clients find the archive: the base URL under which the archive folder is served over
 * HTTP (by the review server, any web server, or a IIIF server's static route). A manifest's id,
 * its canvases and its images are this URL followed by their path in the archive
 * ({@code documents/ID/manifest.json}, {@code documents/ID/pages/p0001.png}).
 *
 * @param baseUrl an absolute http or https URL; kept with a trailing slash
 */
public record IiifConfig(String baseUrl) {

    /** A web server started in the archive folder on this machine, e.g. {@code python3 -m http.server 8080}. */
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080/";

    public IiifConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        try {
            URI uri = new URI(baseUrl);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("the IIIF base URL must be an http or https URL without query or "
                        + "fragment, e.g. " + DEFAULT_BASE_URL + ": " + baseUrl);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the IIIF base URL is not a URL: " + baseUrl + " (" + e.getReason() + ")");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    public static IiifConfig defaults() {
        return new IiifConfig(DEFAULT_BASE_URL);
    }

    /** The URL of a file by its path in the archive folder, with forward slashes ({@code documents/ID/pages/p0001.png}). */
    public String url(String archivePath) {
        return baseUrl + archivePath;
    }
}
