package org.workersarchive.core;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * XML files that try to make a parser read what it should not, for tests of every parser the
 * archive has. Each file declares, in its DOCTYPE, the general entity {@code &attack;}: the content
 * given to {@link #file} uses it where a parser that expanded it would put the result in its
 * output. Expanded, it yields {@link #SECRET} (read from a local file) or a billion "lol"s. A real
 * HTTP server on the loopback counts the requests a parser makes for a DTD (there must be none).
 * Close it to stop the server.
 */
public final class HostileXml implements AutoCloseable {

    /** In the local file the attacks point at; must never appear in what a parser gives back. */
    public static final String SECRET = "SECRET-MARKER-8c41e07d";

    /** The ways a DOCTYPE can make a parser read outside the file or blow up. */
    public enum Attack {
        /** A general entity whose text is a local file: {@code <!ENTITY attack SYSTEM "file:…/secret.txt">}. */
        EXTERNAL_ENTITY,
        /** A parameter entity fetched from a URL, whose DTD declares {@code attack} as the local file. */
        PARAMETER_ENTITY_FROM_URL,
        /** An external DTD subset read from a local file, which declares {@code attack} as the local file. */
        EXTERNAL_DTD_FROM_FILE,
        /** Nine levels of ten entities each: a billion "lol"s from a kilobyte. */
        BILLION_LAUGHS
    }

    private final Path dir;
    private final Path secret;
    private final Path dtd;
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private HostileXml(Path dir) throws IOException {
        this.dir = dir;
        this.secret = Files.writeString(dir.resolve("secret.txt"), SECRET, StandardCharsets.UTF_8);
        String declaration = "<!ENTITY attack SYSTEM \"" + secret.toUri() + "\">\n";
        this.dtd = Files.writeString(dir.resolve("evil.dtd"), declaration, StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = declaration.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Writes the secret and the DTDs into the folder and starts the server. */
    public static HostileXml in(Path dir) throws IOException {
        return new HostileXml(dir);
    }

    /**
     * Writes {@code NAME} holding the XML declaration, a DOCTYPE of the root element that carries
     * the attack, and the content (the root element, using {@code &attack;}).
     */
    public Path file(String name, Attack attack, String rootElement, String content) throws IOException {
        String doctype = switch (attack) {
            case EXTERNAL_ENTITY -> "<!DOCTYPE " + rootElement + " [\n  <!ENTITY attack SYSTEM \"" + secret.toUri() + "\">\n]>";
            case PARAMETER_ENTITY_FROM_URL -> "<!DOCTYPE " + rootElement + " [\n  <!ENTITY % remote SYSTEM \"" + url()
                    + "evil.dtd\">\n  %remote;\n]>";
            case EXTERNAL_DTD_FROM_FILE -> "<!DOCTYPE " + rootElement + " SYSTEM \"" + dtd.toUri() + "\">";
            case BILLION_LAUGHS -> billionLaughs(rootElement);
        };
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "\n" + content + "\n";
        return Files.writeString(dir.resolve(name), xml, StandardCharsets.UTF_8);
    }

    /** How many requests the server has had. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/";
    }

    private static String billionLaughs(String rootElement) {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE " + rootElement + " [\n  <!ENTITY lol0 \"lol\">\n");
        for (int level = 1; level <= 9; level++) {
            doctype.append("  <!ENTITY lol").append(level).append(" \"")
                    .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">\n");
        }
        return doctype.append("  <!ENTITY attack \"&lol9;\">\n]>").toString();
    }
}
