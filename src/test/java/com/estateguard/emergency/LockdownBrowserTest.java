package com.estateguard.emergency;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.estateguard.BrowserSession;
import com.estateguard.BrowserTest;
import com.estateguard.BrowserTest.Phone;
import com.estateguard.GateScanner;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lockdown in a real browser (EMG-05, ACC-15): the estate's prevention administrator opens an
 * incident, locks the estate down from the incident's page (with the confirmation ticked), and the
 * guard's next visitor check on the gate page, on a phone, is turned back for the lockdown.
 */
@BrowserTest
class LockdownBrowserTest {

    @Autowired
    TestData data;
    @Autowired
    TestClock clock;

    @Test
    void theAdministratorLocksTheEstateDownAndTheGuardsNextVisitorIsTurnedBack(BrowserSession admin, @Phone BrowserSession guard) {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        String visitorId = data.registeredPerson("钱访客", Duration.ofHours(10), "NEGATIVE", "GREEN");

        Page page = admin.page();
        admin.logIn(estate.admin().username(), TestData.PASSWORD);
        page.navigate("/emergency");
        page.locator("#open-incident input[name=caseName]").fill("病例甲");
        page.locator("#open-incident input[name=locationNow]").fill("定点医院");
        page.locator("#open-incident button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/emergency/incidents/\\d+$"));

        page.locator("#lockdown-link").click();
        page.waitForURL(Pattern.compile(".*/emergency/incidents/\\d+/lockdown$"));
        assertThat(page.locator("#lockdown-form select[name=source]")).containsText("泉州鲤城 2021 应急封闭（004）");
        page.locator("#lockdown-form input[name=confirm]").check();
        page.locator("#lockdown-start").click();
        page.waitForURL(Pattern.compile(".*/emergency/incidents/\\d+/lockdown$"));
        assertThat(page.locator("#lockdown-in-force")).isVisible();
        admin.screenshot("lockdown-in-force");

        Page gate = guard.page();
        guard.logIn(estate.guard().username(), TestData.PASSWORD);
        gate.navigate("/gate");
        gate.waitForURL(Pattern.compile(".*/gate\\?shift=\\d+$"));
        gate.locator("input[name=category][value=VISITOR]").check();
        GateScanner.scan(gate, "HC:" + visitorId);
        assertThat(gate.locator("#lookup")).containsText("钱访客");
        gate.locator("input[name=temperature]").fill("36.5");
        gate.locator("input[name=destination]").fill("5号楼 探亲");
        gate.locator("input[name=symptoms][value=false]").check();
        gate.locator("input[name=mask]").check();
        gate.waitForResponse(r -> r.url().endsWith("/gate/check") && "POST".equals(r.request().method()),
                () -> gate.locator("#submit-check").click());

        Locator decision = gate.locator("#decision");
        assertThat(decision.locator(".verdict")).hasText("劝返");
        assertThat(decision.locator("li").filter(new Locator.FilterOptions().setHasText("封闭管理"))).hasCount(1);
        guard.screenshot("lockdown-gate-refused");
    }
}
