package com.estateguard;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium as every browser test launches it: headless, no downloads, no background
 * traffic. {@link BrowserTest} starts one per test JVM and shares it between all browser test
 * classes; each test gets its own {@link BrowserSession}s in it.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
    private static final String MISSING = EXECUTABLE + " is missing: install Debian's chromium"
            + " (apt-get install chromium fonts-noto-cjk, see .ci/run)";
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Without Chromium the browser tests are skipped, except on CI ({@code CI=true}) where {@link #start} fails them. */
    static boolean presentOrCi() {
        return Files.isExecutable(EXECUTABLE) || "true".equals(System.getenv("CI"));
    }

    static Chromium start() {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail(MISSING);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Chromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS)));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * A fresh browser profile (cookies, storage) on the application, in Chinese and in the estate's
     * time zone, so a time typed into a form means what the application reads it as.
     */
    BrowserSession open(String name, String baseUrl, ZoneId zone, boolean phone) {
        Browser.NewContextOptions options = new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setLocale("zh-CN")
                .setTimezoneId(zone.getId())
                // An address of its own, so the sign-in rate limit counts each session apart (see TestClient).
                .setExtraHTTPHeaders(java.util.Map.of("X-Forwarded-For", TestClient.newAddress()));
        if (phone) {
            options.setViewportSize(412, 915).setIsMobile(true).setHasTouch(true);
        } else {
            options.setViewportSize(1280, 900);
        }
        return new BrowserSession(name, browser.newContext(options));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
