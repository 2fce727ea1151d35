package com.estateguard.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * A minimal HTTP/1.1 client for the open loop with the lean generator (-Dbench.generator=wrk): one kept-alive socket
 * per sending thread, the request written in one piece, the answer read by its Content-Length (every API answer has
 * one, ApiAnswerLengthFilter). The JDK's HttpClient costs about 300 µs of CPU per request on this machine, on the two
 * cores the server and PostgreSQL share; this costs a fraction of that. Not a general client: no chunked answers,
 * no redirects, no TLS.
 */
final class GateSocketClient {

    private final String host;
    private final int port;
    private final String head;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    GateSocketClient(String host, int port, String path, String apiKey) {
        this.host = host;
        this.port = port;
        this.head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nX-Api-Key: " + apiKey + "\r\nContent-Length: ";
    }

    private record Connection(Socket socket, OutputStream out, InputStream in) {
    }

    /** Posts one check; the HTTP status, or -1 when the connection failed twice. */
    int post(UUID clientId, String requestTail) {
        byte[] body = ("{\"clientId\":\"" + clientId + requestTail).getBytes(StandardCharsets.UTF_8);
        byte[] request = concat((head + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Connection c = connection();
                c.out().write(request);
                c.out().flush();
                return readAnswer(c.in());
            } catch (IOException e) {
                close();
            }
        }
        return -1;
    }

    private Connection connection() throws IOException {
        Connection c = connections.get();
        if (c == null) {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            c = new Connection(socket, socket.getOutputStream(), new BufferedInputStream(socket.getInputStream(), 8192));
            connections.set(c);
        }
        return c;
    }

    private void close() {
        Connection c = connections.get();
        connections.remove();
        if (c != null) {
            try {
                c.socket().close();
            } catch (IOException ignored) {
                // gone already
            }
        }
    }

    /** The status; the headers and the body are read and dropped. A close asked for by the server closes ours. */
    private int readAnswer(InputStream in) throws IOException {
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean closing = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            } else if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("chunked answer: this client reads only answers with a Content-Length");
            }
        }
        if (length < 0) {
            throw new IOException("answer without Content-Length");
        }
        in.skipNBytes(length);
        if (closing) {
            close();
        }
        return code;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        int ch;
        while ((ch = in.read()) != '\n') {
            if (ch < 0) {
                throw new IOException("connection closed");
            }
            if (ch != '\r') {
                b.append((char) ch);
            }
        }
        return b.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
