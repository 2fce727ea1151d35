package com.estateguard.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One try at the login form as a browser makes it, from a client address of the caller's choice:
 * the login page, the post, and the page the post redirects to. The answer keeps everything a
 * client could compare (status, headers, body, the page it lands on); only the Date header and the
 * per-request CSRF tokens are left out, since they differ between any two requests.
 */
record SignIn(Answer answer, long nanos) {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_ANY = Pattern.compile("(name=\"_csrf\" (?:value|content)=\")[^\"]+");

    /** What the client sees of the post; {@code page} is the page it was sent on to, if any. */
    record Answer(int status, String location, Map<String, List<String>> headers, String body, String page) {
    }

    static SignIn attempt(int port, String address, String username, String password) {
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher csrf = CSRF_INPUT.matcher(send(http, address, HttpRequest.newBuilder(URI.create(base + "/login"))).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        long start = System.nanoTime();
        HttpResponse<String> post = send(http, address, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        long nanos = System.nanoTime() - start;
        String location = post.headers().firstValue("Location").orElse(null);
        String page = location == null ? null
                : masked(send(http, address, HttpRequest.newBuilder(URI.create(base).resolve(location))).body());
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(post.headers().map());
        headers.remove("Date");
        return new SignIn(new Answer(post.statusCode(), location, headers, post.body(), page), nanos);
    }

    private static HttpResponse<String> send(HttpClient http, String address, HttpRequest.Builder request) {
        try {
            return http.send(request.header("X-Forwarded-For", address).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String masked(String page) {
        return CSRF_ANY.matcher(page).replaceAll("$1(token)");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
