package com.estateguard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evidence, in a real browser: a guard logs in, opens the gate page, records one entry
 * that is let in (放行) and one that is turned back (劝返) for a fever, and finds both in the check
 * records. Screenshots go to target/screenshots, and a phone-sized one of the refusal to
 * docs/images/gate.png for the README when run with -Dscreenshots.update=true.
 */
@BrowserTest
class GateBrowserTest {

    private static final Path README_IMAGE = Paths.get("docs", "images", "gate.png");

    private static final String ALLOWED_NAME = "周浏览";
    private static final String REFUSED_NAME = "吴发热";

    @Autowired
    TestClock clock;
    @Autowired
    TestData data;

    private BrowserSession guard;
    private Page page;

    @BeforeEach
    void openBrowser(BrowserSession guard) {
        this.guard = guard;
        page = guard.page();
    }

    @Test
    void guardLetsOneInTurnsOneBackAndSeesBothInTheCheckRecords() throws IOException {
        // A morning of its own: on shift whatever the hour of the run, and today's records are this test's.
        clock.setLocal(clock.unusedDay().atTime(10, 0));
        logInAsGuard();
        // Both are in the platform's health registers (a demo result alone would only be referred).
        String allowedId = data.registeredPerson(ALLOWED_NAME, Duration.ofHours(10), "NEGATIVE", "GREEN");
        String refusedId = data.registeredPerson(REFUSED_NAME, Duration.ofHours(10), "NEGATIVE", "GREEN");

        // The guard has one current shift (南门): /gate goes straight to it.
        guard.navLink("卡口查验").click();
        page.waitForURL(Pattern.compile(".*/gate\\?shift=\\d+$"));
        String gateUrl = page.url();
        assertThat(page.locator("main.gate h1")).containsText("南门");
        assertThat(page.locator("#gate-form")).isVisible();

        // 1. Green code, 36.5 °C, ID checked, NAT shown on paper 3 hours ago, no symptoms, mask: 放行.
        fillCheck("VISITOR", "HC:" + allowedId, ALLOWED_NAME, "36.5", "3号楼 探亲");
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
        guard.screenshot("gate-allowed");

        // 2. Same again for someone else, but 38.2 °C: 劝返 with the reason 体温异常.
        fillCheck("RESIDENT", "HC:" + refusedId, REFUSED_NAME, "38.2", "回家");
        submit();
        assertThat(decision.locator(".verdict")).hasText("劝返");
        assertThat(decision).containsText(REFUSED_NAME);
        assertThat(decision.locator("li").filter(new Locator.FilterOptions().setHasText("体温异常"))).hasCount(1);
        assertThat(page.locator("#gate-errors")).hasCount(0);
        assertThat(page).hasURL(gateUrl);
        guard.screenshot("gate-refused");

        // The same refusal on a phone, the gate page's real screen, for the README.
        page.setViewportSize(412, 915);
        page.evaluate("() => window.scrollTo(0, 0)");
        Path phoneShot = guard.screenshotOfScreen("gate-refused-phone");
        Files.createDirectories(README_IMAGE.getParent());
        if (Boolean.getBoolean("screenshots.update")) {
            // Refresh the README's picture on purpose: ./mvnw test -Dtest=GateBrowserTest -Dscreenshots.update=true
            Files.copy(phoneShot, README_IMAGE, StandardCopyOption.REPLACE_EXISTING);
        }
        page.setViewportSize(1280, 900);

        // 3. Both are in today's check records, with their decisions.
        guard.navLink("查验记录").click();
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
        guard.screenshot("checks");

        // No script errors and no failed requests (htmx, CSS, fragments) on the way.
        guard.assertNoBrowserErrors();
    }

    private void logInAsGuard() {
        guard.logIn("guard", "demo1234");
        assertThat(page.locator("header .who")).containsText("张强");
    }

    /** Fills the gate form the way a guard does: scan, wait for the lookup tiles, then the rest. */
    private void fillCheck(String category, String code, String name, String temperature, String destination) {
        page.locator("input[name=category][value=" + category + "]").check();
        GateScanner.scan(page, code);
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
}
