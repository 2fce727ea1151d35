package com.estateguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One person at one browser: a page in its own browser profile, so two sessions in a test are two
 * people logged in at once (a resident and a guard). It records every script error, every console
 * error, every Content-Security-Policy violation and every failed request (HTTP 400 and above) on
 * the way, for {@link #assertNoBrowserErrors}, which {@link BrowserTest} also runs after every test
 * that passed otherwise. A {@link BrowserTest} gets one per {@code BrowserSession} parameter and
 * closes it after the test.
 */
public final class BrowserSession implements AutoCloseable {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final String CSP_VIOLATIONS_TO_CONSOLE = """
            document.addEventListener('securitypolicyviolation', function (e) {
              console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
            });""";

    private final String name;
    private final BrowserContext context;
    private final Page page;
    private final List<String> errors = new ArrayList<>();

    BrowserSession(String name, BrowserContext context) {
        this.name = name;
        this.context = context;
        context.setDefaultTimeout(30_000);
        // Runs before any page script and outside the page's CSP, so a blocked script, handler or
        // style is reported even where Chromium would only warn.
        context.addInitScript(CSP_VIOLATIONS_TO_CONSOLE);
        this.page = context.newPage();
        page.onPageError(e -> errors.add("page error: " + e));
        page.onConsoleMessage(m -> {
            // A failed request is recorded with its address by onResponse below (the favicon aside).
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                errors.add("console error: " + m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                errors.add(r.status() + " " + r.url());
            }
        });
    }

    public Page page() {
        return page;
    }

    /** The session's browser profile: to take it offline (issue 11) or open another page in it. */
    public BrowserContext context() {
        return context;
    }

    /**
     * The device's own clock (its {@code Date}, timers and {@code performance}) reads {@code at} from now on and
     * ticks on from there, as the application's {@link TestClock} does: a page that stamps or decides by the
     * device's time (the offline gate) agrees with the server's clock, whatever the real time. Call it before
     * the page is opened.
     */
    public void setDeviceTime(Instant at) {
        context.clock().install(new Clock.InstallOptions().setTime(at.toEpochMilli()));
    }

    /** Logs in through the login form and waits to be let past it. */
    public void logIn(String username, String password) {
        page.navigate("/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("main form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /**
     * A link in the header's navigation, by its exact text. On a phone the links are folded behind
     * the menu button, so the menu is opened first, as a person would.
     */
    public Locator navLink(String text) {
        Locator menu = page.locator("#menu-toggle");
        if (menu.isVisible() && !"true".equals(menu.getAttribute("aria-expanded"))) {
            menu.click();
        }
        return page.locator("header nav")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(text).setExact(true));
    }

    /** The whole page, scrolled or not, as target/screenshots/{@code name}.png. */
    public Path screenshot(String name) {
        return shoot(name, true);
    }

    /** Only what the screen shows, as target/screenshots/{@code name}.png. */
    public Path screenshotOfScreen(String name) {
        return shoot(name, false);
    }

    /** No script or console errors, no CSP violations and no failed requests (htmx, CSS, fragments) since the session opened. */
    public void assertNoBrowserErrors() {
        assertEquals(List.of(), errors, "browser errors in the " + name + " session");
    }

    /** The errors recorded so far, forgotten once taken: for a test that provokes one on purpose. */
    public List<String> takeBrowserErrors() {
        List<String> taken = List.copyOf(errors);
        errors.clear();
        return taken;
    }

    String name() {
        return name;
    }

    private Path shoot(String name, boolean fullPage) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(fullPage));
        return file;
    }

    @Override
    public void close() {
        context.close();
    }
}
