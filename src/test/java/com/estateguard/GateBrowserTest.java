package com.estateguard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.estateguard.common.IdNumber;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The evidence, in a real browser: a guard logs in, opens the gate page, records one entry
 * that is let in (放行) and one that is turned back (劝返) for a fever, and finds both in the check
 * records. Runs headless Debian Chromium (/usr/bin/chromium) through Playwright; without it the test
 * is skipped, or fails when {@code CI=true}. Screenshots go to target/screenshots, and a phone-sized
 * one of the refusal to docs/images/gate.png for the README when run with -Dscreenshots.update=true.
 */
@IntegrationTest
@EnabledIf(value = "chromiumPresentOrCi", disabledReason = "/usr/bin/chromium is missing (apt-get install chromium fonts-noto-cjk, see .ci/run)")
class GateBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Path README_IMAGE = Paths.get("docs", "images", "gate.png");
    /** The demo estate's zone: a NAT time typed into the form is read in it. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final String ALLOWED_NAME = "周浏览";
    private static final String ALLOWED_ID = "11010519491231002X";
    private static final String REFUSED_NAME = "吴发热";
    private static final String REFUSED_ID = withCheckChar("32058319800229123");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    private BrowserContext context;
    private Page page;
    private final List<String> browserErrors = new ArrayList<>();

    /** Without Chromium the test is skipped, except on CI ({@code CI=true}) where it fails in {@link #launchChromium}. */
    static boolean chromiumPresentOrCi() {
        return Files.isExecutable(CHROMIUM) || "true".equals(System.getenv("CI"));
    }

    @BeforeAll
    static void launchChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium fonts-noto-cjk, see .ci/run)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = com.estateguard.Chromium.launch(playwright);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() throws IOException {
        assertTrue(port > 0, "no server port injected: is the application context up?");
        Files.createDirectories(SCREENSHOTS);
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", TestClient.newAddress()))
                .setLocale("zh-CN")
                .setTimezoneId(ZONE.getId())
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        page.onPageError(e -> browserErrors.add("page error: " + e));
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                browserErrors.add(r.status() + " " + r.url());
            }
        });
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void guardLetsOneInTurnsOneBackAndSeesBothInTheCheckRecords() throws IOException {
        try {
            scenario();
        } catch (AssertionError | RuntimeException e) {
            shoot("failure.png");   // what the browser showed when it went wrong
            throw e;
        }
    }

    private void scenario() throws IOException {
        // A morning of its own: on shift whatever the hour of the run, and today's records are this test's.
        clock.setLocal(clock.unusedDay().atTime(10, 0));
        logInAsGuard();

        // The guard has one current shift (南门): /gate goes straight to it.
        navLink("卡口查验").click();
        page.waitForURL(Pattern.compile(".*/gate\\?shift=\\d+$"));
        String gateUrl = page.url();
        assertThat(page.locator("main.gate h1")).containsText("南门");
        assertThat(page.locator("#gate-form")).isVisible();

        // 1. Green code, 36.5 °C, ID checked, NAT shown on paper 3 hours ago, no symptoms, mask: 放行.
        fillCheck("VISITOR", "DEMO:" + ALLOWED_ID + ":GREEN:" + ALLOWED_NAME, ALLOWED_NAME, "36.5", "3号楼 探亲");
        submit();
        Locator decision = page.locator("#decision");
        assertThat(decision).isVisible();
        assertThat(decision.locator(".verdict")).hasText("放行");
        assertThat(decision).containsText(ALLOWED_NAME);
        assertThat(decision.locator("li")).hasCount(0);
        assertThat(page.locator("#gate-errors")).hasCount(0);
        assertThat(page.locator("#counts")).containsText("放行");
        // htmx swapped #workspace in place: still the gate page, not a full-page POST to /gate/check.
        assertThat(page).hasURL(gateUrl);
        shoot("gate-allowed.png");

        // 2. Same again for someone else, but 38.2 °C: 劝返 with the reason 体温异常.
        fillCheck("RESIDENT", "DEMO:" + REFUSED_ID + ":GREEN:" + REFUSED_NAME, REFUSED_NAME, "38.2", "回家");
        submit();
        assertThat(decision.locator(".verdict")).hasText("劝返");
        assertThat(decision).containsText(REFUSED_NAME);
        assertThat(decision.locator("li").filter(new Locator.FilterOptions().setHasText("体温异常"))).hasCount(1);
        assertThat(page.locator("#gate-errors")).hasCount(0);
        assertThat(page).hasURL(gateUrl);
        shoot("gate-refused.png");

        // The same refusal on a phone, the gate page's real screen, for the README.
        page.setViewportSize(412, 915);
        page.evaluate("() => window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("gate-refused-phone.png")));
        Files.createDirectories(README_IMAGE.getParent());
        if (Boolean.getBoolean("screenshots.update")) {
            // Refresh the README's picture on purpose: ./mvnw test -Dtest=GateBrowserTest -Dscreenshots.update=true
            Files.copy(SCREENSHOTS.resolve("gate-refused-phone.png"), README_IMAGE, StandardCopyOption.REPLACE_EXISTING);
        }
        page.setViewportSize(1280, 900);

        // 3. Both are in today's check records, with their decisions.
        navLink("查验记录").click();
        page.waitForURL(Pattern.compile(".*/checks$"));
        Locator table = page.locator("#check-table");
        assertThat(table).isVisible();
        Locator allowedRow = table.locator("tr").filter(new Locator.FilterOptions().setHasText(ALLOWED_NAME));
        Locator refusedRow = table.locator("tr").filter(new Locator.FilterOptions().setHasText(REFUSED_NAME));
        assertThat(allowedRow).hasCount(1);
        assertThat(refusedRow).hasCount(1);
        assertThat(allowedRow.locator("td.v-ALLOW")).hasText("放行");
        assertThat(refusedRow.locator("td.v-REFUSE")).hasText("劝返");
        assertThat(refusedRow).containsText("体温异常");
        shoot("checks.png");

        // No script errors and no failed requests (htmx, CSS, fragments) on the way.
        assertEquals(List.of(), browserErrors);
    }

    private Locator navLink(String text) {
        return page.locator("header nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(text).setExact(true));
    }

    private void logInAsGuard() {
        page.navigate("/login");
        page.locator("#username").fill("guard");
        page.locator("#password").fill("demo1234");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.locator("header .who")).containsText("张强");
    }

    /** Fills the gate form the way a guard does: scan, wait for the lookup tiles, then the rest. */
    private void fillCheck(String category, String code, String name, String temperature, String destination) {
        page.locator("input[name=category][value=" + category + "]").check();
        Locator scan = page.locator("#scannedCode");
        scan.fill(code);
        scan.press("Enter");
        // The lookup shows who the code belongs to before anything is submitted.
        assertThat(page.locator("#lookup")).containsText(name);
        assertThat(page.locator("#lookup")).containsText("绿码");

        page.locator("input[name=temperature]").fill(temperature);
        page.locator("select[name=credentialType]").selectOption("ID_DOCUMENT");
        page.locator("input[name=credentialVerified]").check();
        String sampled = clock.localNow().minusHours(3).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        page.locator("input[name=natSampledAt]").fill(sampled);
        page.locator("input[name=natResult][value=NEGATIVE]").check();
        page.locator("input[name=destination]").fill(destination);
        page.locator("input[name=symptoms][value=false]").check();
        page.locator("input[name=mask]").check();
    }

    /** Submits and waits for htmx to swap in the new #workspace. */
    private void submit() {
        page.waitForResponse(r -> r.url().endsWith("/gate/check") && "POST".equals(r.request().method()),
                () -> page.locator("#submit-check").click());
    }

    private void shoot(String file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file)).setFullPage(true));
    }

    private static String withCheckChar(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }
}
