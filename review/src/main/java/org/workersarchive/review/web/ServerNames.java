package org.workersarchive.review.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names this server answers to, against DNS rebinding: a page of another site whose name is
 * made to resolve to 127.0.0.1 sends its own name as Host, and is refused. Answered, each with the
 * port the connection came to: the address the connection came to (the listen address), on
 * loopback {@code 127.0.0.1}, {@code [::1]} and {@code localhost}, and the name of {@code --host}
 * when it is one; and the host of {@code archive.iiif-base-url}, the URL the archive says it is
 * served at, with that URL's port or none (a reverse proxy in front keeps its own). Only IP
 * literals are parsed: no name is ever looked up. Immutable.
 */
final class ServerNames {

    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]{2,45}]|[^\\[\\]:]{1,253})(?::(\\d{1,5}))?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "[::1]", "localhost");

    /** The name of --host, or null when it is an address (then the connection's address says it). */
    private final String listenName;
    private final String publicName;
    private final int publicPort;

    /**
     * @param listenHost the address or name the server listens on ({@code --host})
     * @param publicUrl  the URL the archive is served at ({@code archive.iiif-base-url})
     */
    ServerNames(String listenHost, URI publicUrl) {
        this.listenName = literal(normalised(listenHost)).isPresent() || listenHost.contains(":") ? null
                : normalised(listenHost);
        this.publicName = publicUrl.getHost() == null ? null : normalised(publicUrl.getHost());
        this.publicPort = publicUrl.getPort() >= 0 ? publicUrl.getPort() : "https".equals(publicUrl.getScheme()) ? 443 : 80;
    }

    /**
     * Whether a request whose Host header reads so, on a connection to that local address and port,
     * is meant for this server.
     *
     * @param host      the Host header, or null when there is none
     * @param local     the address the connection came to
     * @param localPort the port the connection came to
     */
    boolean answers(String host, InetAddress local, int localPort) {
        Matcher parts = host == null ? null : HOST.matcher(host.strip());
        if (parts == null || !parts.matches()) {
            return false;
        }
        String name = normalised(parts.group(1));
        Integer port = parts.group(2) == null ? null : Integer.valueOf(parts.group(2));
        if (name.equals(publicName) && (port == null || port == publicPort || port == localPort)) {
            return true;
        }
        if ((port == null ? 80 : port) != localPort) {
            return false;
        }
        return name.equals(listenName) || LOOPBACK_NAMES.contains(name) && local.isLoopbackAddress()
                || literal(name).map(local::equals).orElse(false);
    }

    /** What the refusal says: the address that would have been answered. */
    static String refusal(String host, InetAddress local, int localPort) {
        String address = local.getHostAddress().contains(":") ? "[" + local.getHostAddress() + "]"
                : local.getHostAddress();
        return "this server is " + address + ":" + localPort + ", not " + (host == null ? "a request without a Host" : host)
                + " (to reach it by another name, set "
                + "archive.iiif-base-url to a URL with that name)\n";
    }

    /** An IP literal (v4, or v6 in brackets) as an address; anything else is a name, never looked up. */
    private static Optional<InetAddress> literal(String name) {
        if (!IPV4.matcher(name).matches() && !name.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(name));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String normalised(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
