package io.poka.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client over a plain socket: it sends exactly the bytes it is given (raw NUL, broken
 * percent-encoding, a Content-Length larger than the body), which URI-validating clients refuse to do.
 */
final class RawHttp {
    /** One answer; status -1 when the server closed without answering. */
    record Answer(int status, String contentType, String body) {
    }

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Answer send(String method, String target, String authorization, String contentType, byte[] body,
            Long declaredLength, String extraHeader) throws IOException {
        StringBuilder head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Accept: application/json, application/problem+json\r\n")
                .append("Connection: close\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (extraHeader != null) {
            head.append(extraHeader).append("\r\n");
        }
        if (body != null) {
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("Content-Length: ").append(declaredLength != null ? declaredLength : body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException closedEarly) {
                    // The server answered before the whole body was sent (413); read that answer.
                }
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/")) {
            return new Answer(-1, null, text);
        }
        int headEnd = text.indexOf("\r\n\r\n");
        String headers = headEnd < 0 ? text : text.substring(0, headEnd);
        String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
        int status = Integer.parseInt(headers.substring(9, 12));
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring(13).strip();
            }
        }
        return new Answer(status, contentType, body);
    }
}
