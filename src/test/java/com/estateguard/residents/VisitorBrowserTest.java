package com.estateguard.residents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The visitor evidence in a real browser, under the Kunshan 2020 preset (西岸名邸): a resident
 * pre-registers a visitor who is a listed exception (子女探视老人); the guard on shift at 南门 admits
 * that visitor and refuses an unregistered outsider. Kunshan's 00:00-06:00 curfew would refuse both
 * at night, so the test runs at ten in the morning by the application's clock.
 */
@IntegrationTest
@EnabledIf(value = "chromiumPresentOrCi", disabledReason = "/usr/bin/chromium is missing (see .ci/run)")
class VisitorBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    private final List<String> browserErrors = new ArrayList<>();

    static boolean chromiumPresentOrCi() {
        return Files.isExecutable(CHROMIUM) || "true".equals(System.getenv("CI"));
    }

    @BeforeAll
    static void launchChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
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

    @Test
    void aPreRegisteredVisitorIsAdmittedAndAnUnregisteredOutsiderRefused() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        clock.setToday(10, 0);
        String daughterId = Fixtures.newIdNumber();
        String strangerId = Fixtures.newIdNumber();

        Page resident = open();
        try {
            logIn(resident, "residentf", "陶文静");
            nav(resident, "访客预约").click();
            resident.locator("#visitorName").fill("陶小女");
            resident.locator("#idNumber").fill(daughterId);
            resident.locator("#exception").selectOption("子女探视老人");
            resident.locator("#visit-form button[type=submit]").click();
            assertThat(resident.locator("#visit-saved")).isVisible();
            assertThat(resident.locator("main")).containsText("陶小女");
            resident.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("visitor-preregistered.png")).setFullPage(true));
        } finally {
            resident.context().close();
        }

        Page guard = open();
        try {
            logIn(guard, "guardf", "罗勇");
            nav(guard, "卡口查验").click();
            guard.waitForURL(Pattern.compile(".*/gate\\?shift=\\d+$"));
            assertThat(guard.locator("main.gate h1")).containsText("南门");

            check(guard, daughterId, "陶小女", "5号楼 看望父母");
            assertThat(guard.locator("#decision .verdict")).hasText("放行");
            assertThat(guard.locator("#decision li")).hasCount(0);
            guard.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("visitor-admitted.png")).setFullPage(true));

            check(guard, strangerId, "路人甲", "随便看看");
            assertThat(guard.locator("#decision .verdict")).hasText("劝返");
            assertThat(guard.locator("#decision li").filter(new Locator.FilterOptions().setHasText("外来人员不得进入"))).hasCount(1);
            guard.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("visitor-refused.png")).setFullPage(true));
        } finally {
            guard.context().close();
        }
        assertEquals(List.of(), browserErrors);
    }

    private Page open() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", TestClient.newAddress()))
                .setLocale("zh-CN").setTimezoneId(ZONE.getId()).setViewportSize(412, 915));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        page.onPageError(e -> browserErrors.add("page error: " + e));
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                browserErrors.add(r.status() + " " + r.url());
            }
        });
        return page;
    }

    private static void logIn(Page page, String user, String name) {
        page.navigate("/login");
        page.locator("#username").fill(user);
        page.locator("#password").fill("demo1234");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.locator("header .who")).containsText(name);
    }

    private static Locator nav(Page page, String text) {
        return page.locator("header nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(text).setExact(true));
    }

    /** A visitor at the gate: scan their code, wait for the lookup, temperature, where to, symptoms, mask. */
    private static void check(Page page, String id, String name, String destination) {
        page.locator("input[name=category][value=VISITOR]").check();
        Locator scan = page.locator("#scannedCode");
        scan.fill("DEMO:" + id + ":GREEN:" + name);
        scan.press("Enter");
        assertThat(page.locator("#lookup")).containsText(name);
        page.locator("input[name=temperature]").fill("36.5");
        page.locator("input[name=destination]").fill(destination);
        page.locator("input[name=symptoms][value=false]").check();
        page.locator("input[name=mask]").check();
        page.waitForResponse(r -> r.url().endsWith("/gate/check") && "POST".equals(r.request().method()),
                () -> page.locator("#submit-check").click());
        assertThat(page.locator("#decision")).containsText(name);
    }
}
