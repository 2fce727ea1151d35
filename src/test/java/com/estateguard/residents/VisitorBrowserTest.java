package com.estateguard.residents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.estateguard.BrowserSession;
import com.estateguard.BrowserTest.Phone;
import com.estateguard.BrowserTest;
import com.estateguard.Fixtures;
import com.estateguard.GateScanner;
import com.estateguard.TestClock;
import com.estateguard.healthdata.HealthRegisters;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The visitor evidence in a real browser, under the Kunshan 2020 preset (西岸名邸): a resident
 * pre-registers a visitor who is a listed exception (子女探视老人); the guard on shift at 南门 admits
 * that visitor and refuses an unregistered outsider. Kunshan's 00:00-06:00 curfew would refuse both
 * at night, so the test runs at ten in the morning by the application's clock.
 */
@BrowserTest
class VisitorBrowserTest {

    @Autowired
    TestClock clock;
    @Autowired
    HealthRegisters registers;

    @Test
    void aPreRegisteredVisitorIsAdmittedAndAnUnregisteredOutsiderRefused(@Phone BrowserSession resident,
            @Phone BrowserSession guard) {
        clock.setToday(10, 0);
        String daughterId = Fixtures.newIdNumber();
        String strangerId = Fixtures.newIdNumber();
        // Both are in the platform's health registers: a demo result alone would only be referred.
        registered(daughterId, "陶小女");
        registered(strangerId, "路人甲");

        Page home = resident.page();
        resident.logIn("residentf", "demo1234");
        assertThat(home.locator("header .who")).containsText("陶文静");
        resident.navLink("访客预约").click();
        home.locator("#visitorName").fill("陶小女");
        home.locator("#idNumber").fill(daughterId);
        home.locator("#exception").selectOption("子女探视老人");
        home.locator("#visit-form button[type=submit]").click();
        assertThat(home.locator("#visit-saved")).isVisible();
        assertThat(home.locator("main")).containsText("陶小女");
        resident.screenshot("visitor-preregistered");

        Page gate = guard.page();
        guard.logIn("guardf", "demo1234");
        assertThat(gate.locator("header .who")).containsText("罗勇");
        guard.navLink("卡口查验").click();
        gate.waitForURL(Pattern.compile(".*/gate\\?shift=\\d+$"));
        assertThat(gate.locator("main.gate h1")).containsText("南门");

        check(gate, daughterId, "陶小女", "5号楼 看望父母");
        assertThat(gate.locator("#decision .verdict")).hasText("放行");
        assertThat(gate.locator("#decision li")).hasCount(0);
        guard.screenshot("visitor-admitted");

        check(gate, strangerId, "路人甲", "随便看看");
        assertThat(gate.locator("#decision .verdict")).hasText("劝返");
        assertThat(gate.locator("#decision li").filter(new Locator.FilterOptions().setHasText("外来人员不得进入"))).hasCount(1);
        guard.screenshot("visitor-refused");

        resident.assertNoBrowserErrors();
        guard.assertNoBrowserErrors();
    }

    /** A visitor at the gate: scan their code, wait for the lookup, temperature, where to, symptoms, mask. */
    private static void check(Page page, String id, String name, String destination) {
        page.locator("input[name=category][value=VISITOR]").check();
        GateScanner.scan(page, "HC:" + id);
        assertThat(page.locator("#lookup")).containsText(name);
        page.locator("input[name=temperature]").fill("36.5");
        page.locator("input[name=destination]").fill(destination);
        page.locator("input[name=symptoms][value=false]").check();
        page.locator("input[name=mask]").check();
        page.waitForResponse(r -> r.url().endsWith("/gate/check") && "POST".equals(r.request().method()),
                () -> page.locator("#submit-check").click());
        assertThat(page.locator("#decision")).containsText(name);
    }

    private void registered(String id, String name) {
        registers.record(HealthRegisters.Kind.NAT, id, name, clock.instant().minus(Duration.ofHours(10)), "NEGATIVE", "test");
        registers.record(HealthRegisters.Kind.HEALTH_CODE, id, name, clock.instant().minus(Duration.ofMinutes(30)), "GREEN", "test");
    }
}
