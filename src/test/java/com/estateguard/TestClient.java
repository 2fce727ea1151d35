package com.estateguard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Talks to the running application over real HTTP: as a device with an API key, or as a logged-in
 * person. Each client comes from an address of its own (sent as X-Forwarded-For, which the test
 * context believes from loopback), so the per-address limit on sign-in tries sees each test apart.
 */
public final class TestClient {

    /** 198.18.0.0/15 is set aside for testing; counting from 198.18.0.1 gives 131,000 addresses. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final String apiKey;
    private final String address = newAddress();
    private String csrf;

    public record Response(int status, String body, String contentType) {
    }

    private TestClient(int port, String apiKey) {
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.base = "http://127.0.0.1:" + port;
        this.apiKey = apiKey;
    }

    /** A client address no other test client has had. */
    public static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    public static TestClient device(int port, String apiKey) {
        return new TestClient(port, apiKey);
    }

    /** Logs in through the login form; returns the redirect target's status so lock-out can be seen. */
    public static TestClient person(int port, String username, String password) {
        TestClient client = new TestClient(port, null);
        Response form = client.get("/login");
        Matcher m = CSRF_INPUT.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on login page");
        }
        Response login = client.send(HttpRequest.newBuilder(URI.create(client.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "_csrf", m.group(1)))))
                .build());
        client.lastLoginRedirect = login.contentType();
        return client;
    }

    private String lastLoginRedirect;

    /** Where the login form sent us (Location header), e.g. "/login?error". */
    public String loginRedirect() {
        return lastLoginRedirect;
    }

    public Response get(String path) {
        Response r = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    public Response postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A form post from a page: needs a CSRF token, taken from the last page fetched. */
    public Response postForm(String path, Map<String, String> fields) {
        if (csrf == null) {
            get("/");
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build());
    }

    /** A file upload from a page (multipart/form-data), with the CSRF token the page's scripts would send. */
    public Response postFile(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        return postFile(path, fields, fileField, fileName, "application/octet-stream", content);
    }

    /** A file upload whose part declares {@code contentType}, as a client may claim anything. */
    public Response postFile(String path, Map<String, String> fields, String fileField, String fileName, String contentType,
                             byte[] content) {
        if (csrf == null) {
            get("/");
        }
        String boundary = "----estateguard-test-" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A GET whose whole answer is wanted: status, every header and the body as bytes. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", address).GET();
            if (apiKey != null) {
                b.header("X-Api-Key", apiKey);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any request with a body of raw bytes and extra headers (the fuzzing tests' way in). */
    public Response send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    /** The CSRF token of the last page fetched, for a form body a test builds itself. */
    public String csrfToken() {
        if (csrf == null) {
            get("/");
        }
        return csrf;
    }

    private Response send(HttpRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).method(request.method(),
                request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        request.headers().map().forEach((k, v) -> v.forEach(x -> b.header(k, x)));
        b.header("X-Forwarded-For", address);
        if (apiKey != null) {
            b.header("X-Api-Key", apiKey);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = r.statusCode() / 100 == 3 ? r.headers().firstValue("Location").orElse("")
                    : r.headers().firstValue("Content-Type").orElse("");
            return new Response(r.statusCode(), r.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
