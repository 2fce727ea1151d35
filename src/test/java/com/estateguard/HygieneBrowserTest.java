package com.estateguard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
 * The evidence for hygiene, in a real browser on a phone-sized screen: the cleaner logs in,
 * opens today's tasks, records the lobby's disinfection and sees the estate's compliance rise, on
 * the phone page and on the estate's hygiene page. Same Chromium setup as {@link GateBrowserTest}.
 */
@IntegrationTest
@EnabledIf(value = "chromiumPresentOrCi", disabledReason = "/usr/bin/chromium is missing (apt-get install chromium fonts-noto-cjk, see .ci/run)")
class HygieneBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String PLACE = "1号楼单元大厅";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    private BrowserContext context;
    private Page page;
    private final List<String> browserErrors = new ArrayList<>();

    static boolean chromiumPresentOrCi() {
        return Files.isExecutable(CHROMIUM) || "true".equals(System.getenv("CI"));
    }

    @BeforeAll
    static void launchChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium fonts-noto-cjk, see .ci/run)");
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

    @BeforeEach
    void openPhone() throws IOException {
        assertTrue(port > 0, "no server port injected: is the application context up?");
        Files.createDirectories(SCREENSHOTS);
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", TestClient.newAddress()))
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai")
                .setViewportSize(412, 915)
                .setIsMobile(true)
                .setHasTouch(true));
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
    void closePhone() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void cleanerRecordsADisinfectionFromThePhoneAndTheEstatesComplianceRises() {
        try {
            scenario();
        } catch (AssertionError | RuntimeException e) {
            shoot("hygiene-failure.png");
            throw e;
        }
    }

    private void scenario() {
        clock.setToday(9, 0);   // before the lobby's first round is due (13:00), so it is still to do
        page.navigate("/login");
        page.locator("#username").fill("cleaner");
        page.locator("#password").fill("demo1234");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.locator("header .who")).containsText("孙秀英");

        page.locator("header nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("今日任务").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/hygiene/tasks$"));
        Locator rate = page.locator("#compliance-rate");
        assertThat(rate).hasText(Pattern.compile("\\d+(\\.\\d)?%"));
        String before = rate.textContent().trim();
        String doneBefore = page.locator("#done-count").textContent().trim();
        shoot("hygiene-tasks-before.png");

        Locator lobby = page.locator("#task-list a.task:not(.ok)[data-place='" + PLACE + "']").first();
        assertThat(lobby).containsText("待完成");
        lobby.click();
        page.waitForURL(Pattern.compile(".*/hygiene/tasks/\\d+$"));
        assertThat(page.locator("main h1")).hasText(PLACE);
        assertThat(page.locator("#plan")).containsText("250–500 mg/L");
        page.locator("#agent").selectOption("CHLORINE");
        page.locator("#concentrationMgL").fill("300");
        page.locator("#areaM2").fill("85");
        page.locator("#ventilationMinutes").fill("20");
        shoot("hygiene-record.png");
        page.locator("#record-form button[type=submit]").click();

        page.waitForURL(Pattern.compile(".*/hygiene/tasks$"));
        assertThat(page.locator("#recorded")).containsText(PLACE);
        assertThat(rate).not().hasText(before);
        assertNotEquals(doneBefore, page.locator("#done-count").textContent().trim());
        assertThat(page.locator("#task-list a.task.ok[data-place='" + PLACE + "']")).hasCount(1);
        String after = rate.textContent().trim();
        assertTrue(Double.parseDouble(after.replace("%", "")) > Double.parseDouble(before.replace("%", "")),
                "compliance should rise: " + before + " -> " + after);
        shoot("hygiene-tasks-after.png");

        // The estate's hygiene page shows the same rate.
        page.locator("header nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("消毒消杀").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/hygiene$"));
        page.locator("#compliance-table a").filter(new Locator.FilterOptions().setHasText("阳光花园")).click();
        assertThat(page.locator("#compliance-rate")).hasText(after);
        assertThat(page.locator("#day-tasks tr").filter(new Locator.FilterOptions().setHasText(PLACE))
                .filter(new Locator.FilterOptions().setHasText("300 mg/L"))).hasCount(1);

        assertEquals(List.of(), browserErrors);
    }

    private void shoot(String file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file)).setFullPage(true));
    }
}
