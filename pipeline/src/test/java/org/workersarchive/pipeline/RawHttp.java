package org.workersarchive.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for what a client library will not send: a Host header of the
 * test's choosing (as a browser sends after DNS rebinding), and a request from a chosen loopback
 * address (127.0.0.2, 127.0.0.3, …: on Linux the whole 127/8 is this machine), so that a server
 * sees as many clients as the test needs.
 */
final class RawHttp {

    /** An answer: its status, its headers (names in lower case, the last of each), its body. */
    record Answer(int status, Map<String, String> headers, String body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private RawHttp() {
    }

    /**
     * Sends the request as given and reads the whole answer ({@code Connection: close}).
     *
     * @param from    the local address to send from
     * @param port    the server's port on 127.0.0.1
     * @param head    the request line and headers, each line without its CRLF, the Host among them
     * @param form    a form body (x-www-form-urlencoded), or null for none
     */
    static Answer send(InetAddress from, int port, String head, String form) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 30_000);
            socket.setSoTimeout(120_000);
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.US_ASCII);
            String whole = head + "\r\nConnection: close\r\n"
                    + (form == null ? "" : "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(whole.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return parsed(in.readAllBytes());
        }
    }

    /** A loopback address of its own for client number {@code n} (1 to 65,000). */
    static InetAddress client(int n) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 1, (byte) (n / 250), (byte) (1 + n % 250)});
    }

    private static Answer parsed(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunked(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    /** The body of a chunked answer (each chunk's length in hex on a line, the chunk, CRLF; 0 ends). */
    private static String unchunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
