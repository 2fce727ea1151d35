package com.estateguard.emergency;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.estateguard.BrowserSession;
import com.estateguard.BrowserTest;
import com.estateguard.BrowserTest.Phone;
import com.estateguard.GateScanner;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.ResidentsTestData;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lockdown in a real browser (EMG-05, ACC-15): the estate's prevention administrator opens an
 * incident, locks the estate down from the incident's page (with the confirmation ticked), and the
 * guard's next visitor check on the gate page, on a phone, is turned back for the lockdown. The case is
 * in the register: the contacts page lists their household member and their neighbour, each with the
 * rule that found them, and the administrator confirms the household member as a close contact.
 */
@BrowserTest
class LockdownBrowserTest {

    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    ResidentsTestData residents;

    @Test
    void theAdministratorLocksTheEstateDownAndTheGuardsNextVisitorIsTurnedBack(BrowserSession admin, @Phone BrowserSession guard) {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        String visitorId = data.registeredPerson("钱访客", Duration.ofHours(10), "NEGATIVE", "GREEN");
        var patient = residents.resident(estate, "7", "2", "301", "病例甲");
        residents.resident(estate, "7", "2", "301", "同户乙");
        residents.resident(estate, "7", "2", "401", "楼上丙");

        Page page = admin.page();
        admin.logIn(estate.admin().username(), TestData.PASSWORD);
        page.navigate("/emergency");
        page.locator("#open-incident input[name=caseName]").fill("病例甲");
        page.locator("#open-incident input[name=caseIdNumber]").fill(patient.idNumber());
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

        page.navigate(page.url().replaceFirst("/lockdown$", ""));
        page.locator("#contacts-link").click();
        page.waitForURL(Pattern.compile(".*/emergency/incidents/\\d+/contacts$"));
        Locator spouse = page.locator("table.contacts tr[data-identity]").filter(new Locator.FilterOptions().setHasText("同户乙"));
        Locator upstairs = page.locator("table.contacts tr[data-identity]").filter(new Locator.FilterOptions().setHasText("楼上丙"));
        assertThat(spouse.locator(".tag")).hasText("同户共同居住");
        assertThat(spouse).containsText("7-2-301");
        assertThat(upstairs.locator(".tag")).hasText("同单元同层或上下层");
        spouse.locator("select[name=tier]").selectOption("CLOSE");
        spouse.locator("button").click();
        page.waitForURL(Pattern.compile(".*/emergency/incidents/\\d+/contacts$"));
        assertThat(page.locator("table.contacts tr[data-identity]").filter(new Locator.FilterOptions().setHasText("同户乙")))
                .containsText("密切接触者");
        assertThat(page.locator("#follow-up")).containsText("同户乙");
        assertThat(page.locator("table.contacts tr[data-identity]").filter(new Locator.FilterOptions().setHasText("楼上丙"))
                .locator("select[name=tier]")).isVisible();
        admin.screenshot("contacts-with-reasons");

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
