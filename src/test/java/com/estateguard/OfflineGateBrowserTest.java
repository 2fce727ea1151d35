package com.estateguard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.access.rules.GateDecisionCases;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.PassId;
import com.estateguard.residents.ResidentsTestData;
import com.estateguard.residents.internal.Passes;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, the offline gate, in headless Chromium on a phone: the device's rules (gate-rules.js)
 * against the shared table of decision cases, and a guard's shift through a network outage: the
 * gate page reloads offline from the service worker, five checks are decided on the device and
 * queued (a revoked pass refused, a visitor whose code cannot be verified referred), the page is
 * closed and opened again, and back online the queue goes to the server: five records, once each,
 * the one disagreement flagged, the queue empty; a check sent again is not stored twice.
 */
@BrowserTest
class OfflineGateBrowserTest {

    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;
    @Autowired
    Passes passes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    @Test
    void theDeviceRulesGiveTheSameVerdictAndReasonsAsTheJavaRulesOnEveryCase(BrowserSession browser) {
        Page page = browser.page();
        page.navigate("/login");
        page.addScriptTag(new Page.AddScriptTagOptions().setUrl("/js/gate-rules.js"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) page.evaluate("""
                json => JSON.parse(json).cases.map(c => {
                  const d = GateRules.decide(Object.assign({}, c.context, { policy: c.policy }));
                  return { name: c.name, verdict: d.verdict, reasons: d.reasons };
                })""", GateDecisionCases.json());
        List<GateDecisionCases.Case> cases = GateDecisionCases.all();
        assertThat(results).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            var expected = cases.get(i).expected();
            assertThat(results.get(i).get("verdict")).as(cases.get(i).name()).isEqualTo(expected.verdict());
            assertThat(results.get(i).get("reasons")).as(cases.get(i).name()).isEqualTo(expected.reasons());
        }
    }

    @Test
    void aGuardChecksFivePeopleOfflineAndBackOnlineEachIsStoredOnceWithTheDisagreementFlagged(
            @BrowserTest.Phone BrowserSession guard) {
        // A queued check carries the time the phone's own clock gave it: the phone's clock and the server's read the same
        // morning, whatever the real time.
        clock.setToday(10, 0);
        guard.setDeviceTime(clock.instant());
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var admin = estate.admin().user();
        var holder = residents.resident(estate, "1", "1", "101", "林通行");
        String validToken = passes.token(passes.issue(holder.id(), admin));
        var leaver = residents.resident(estate, "1", "1", "102", "陈撤销");
        var revoked = passes.issue(leaver.id(), admin);
        String revokedToken = passes.token(revoked);
        passes.revoke(new PassId(revoked.id()), "搬离本小区", admin);
        String visitorId = data.registeredPerson("王访客", Duration.ofHours(10), "NEGATIVE", "GREEN");

        Page page = guard.page();
        BrowserContext context = guard.context();
        guard.logIn(estate.guard().username(), TestData.PASSWORD);
        page.navigate("/gate");
        page.waitForURL(Pattern.compile(".*/gate\\?shift=\\d+$"));
        String gateUrl = page.url();
        assertThat(page.locator("#offline-state")).containsText("在线");
        page.evaluate("() => window.GateOffline.ready");
        page.waitForFunction("() => !!navigator.serviceWorker.controller");

        // The network drops; the page reloads and still works, from the service worker.
        context.setOffline(true);
        page.reload();
        assertThat(page.locator("#gate-form")).isVisible();
        assertThat(page.locator("#offline-state")).containsText("离线");
        page.evaluate("() => window.GateOffline.ready");

        List<Double> offlineMs = new ArrayList<>();
        // 1. A revoked pass: refused on the device, by its signature and the revocation list.
        check(page, "RESIDENT", "IN", null, revokedToken, "36.6", "陈撤销", null);
        assertDecision(page, "劝返", text("reason.PASS_REVOKED"));
        offlineMs.add(decisionMs(page));
        // 2. A visitor whose code the registers would know, but not offline: not verified, referred.
        check(page, "VISITOR", "IN", "HC:" + visitorId, null, "36.5", "王访客", "3号楼 探亲");
        assertDecision(page, "转带班", text("reason.CODE_NOT_VERIFIED"));
        offlineMs.add(decisionMs(page));
        // 3. A valid pass: let in.
        check(page, "RESIDENT", "IN", null, validToken, "36.4", "林通行", null);
        assertDecision(page, "放行", null);
        offlineMs.add(decisionMs(page));
        // 4. Fever: refused.
        check(page, "RESIDENT", "IN", null, validToken, "38.3", "林发热", null);
        assertDecision(page, "劝返", text("reason.FEVER"));
        offlineMs.add(decisionMs(page));
        // 5. Leaving in normal times: nothing checked, let out.
        check(page, "RESIDENT", "OUT", null, null, null, "赵外出", null);
        assertDecision(page, "放行", null);
        offlineMs.add(decisionMs(page));
        assertThat(page.locator("#offline-state .waiting")).hasText("待同步 5");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queued = (List<Map<String, Object>>) page.evaluate("() => window.GateOffline.waiting()");
        assertThat(queued).hasSize(5);
        assertThat(jdbc.sql("SELECT count(*) FROM access_check WHERE estate_id = :e").param("e", estate.id())
                .query(Long.class).single()).isZero();

        // The guard closes the page and opens it again, still offline: the queue is still there.
        page.close();
        page = context.newPage();
        page.navigate(gateUrl);
        assertThat(page.locator("#offline-state .waiting")).hasText("待同步 5");

        // Back online: the queue is sent and emptied; the server's own decision disagrees once.
        context.setOffline(false);
        page.evaluate("() => window.dispatchEvent(new Event('online'))");
        assertThat(page.locator("#offline-state .waiting")).hasText("待同步 0", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator("#offline-state .disagreed")).hasCount(1);
        assertThat(page.locator("#offline-state .disagreed")).containsText("王访客");
        assertThat(page.locator("#offline-state .last-sync")).not().containsText("尚未同步");
        assertThat((List<?>) page.evaluate("() => window.GateOffline.waiting()")).isEmpty();
        assertThat((List<?>) page.evaluate("() => window.GateOffline.refused()")).isEmpty();

        // Sent a second time (an answer lost on the way): the stored record comes back, nothing new is stored.
        @SuppressWarnings("unchecked")
        Map<String, Object> again = (Map<String, Object>) page.evaluate("item => window.GateOffline.resend(item)", queued.get(1));
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) again.get("stored");
        assertThat(stored.get("replayed")).isEqualTo(true);

        // Exactly five records, once each, in the check records.
        page.navigate("/checks");
        Locator table = page.locator("#check-table");
        for (String name : List.of("陈撤销", "王访客", "林通行", "林发热", "赵外出")) {
            assertThat(table.locator("tr").filter(new Locator.FilterOptions().setHasText(name))).hasCount(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM access_check WHERE estate_id = :e").param("e", estate.id())
                .query(Long.class).single()).isEqualTo(5);
        // Each check's client id was made on the device, time-ordered (version 7), so they sort as the checks were made.
        List<UUID> clientIds = jdbc.sql("SELECT client_id FROM access_check WHERE estate_id = :e ORDER BY occurred_at, id")
                .param("e", estate.id()).query(UUID.class).list();
        assertThat(clientIds).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(clientIds).isSortedAccordingTo(java.util.Comparator.comparing(UUID::toString));
        Locator visitorRow = table.locator("tr").filter(new Locator.FilterOptions().setHasText("王访客"));
        assertThat(visitorRow.locator("td.v-ALLOW")).hasText("放行");

        // The record shows both decisions; the shift leader has the follow-up.
        long visitorCheck = jdbc.sql("SELECT id FROM access_check WHERE estate_id = :e AND person_name = '王访客'")
                .param("e", estate.id()).query(Long.class).single();
        page.navigate("/checks/" + visitorCheck);
        Locator device = page.locator("#device-decision");
        assertThat(device).hasClass(Pattern.compile(".*disagrees.*"));
        assertThat(device).containsText("转带班");
        assertThat(device).containsText("健康码状态");
        assertThat(device).containsText(text("checks.device.disagrees"));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM access_follow_up WHERE estate_id = :e AND kind = 'DEVICE_DISAGREEMENT'""")
                .param("e", estate.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM access_device_decision d JOIN access_check c ON c.id = d.check_id WHERE c.estate_id = :e")
                .param("e", estate.id()).query(Long.class).single()).isEqualTo(5);

        // Online, the same gate decides on the server: the time from submit to the decision shown, for docs/PERFORMANCE.md.
        page.navigate(gateUrl);
        page.evaluate("() => window.GateOffline.ready");
        check(page, "RESIDENT", "IN", null, validToken, "36.5", "林在线", null);
        assertDecision(page, "放行", null);
        double onlineMs = decisionMs(page);
        System.out.printf(Locale.ROOT, "OFFLINE_GATE_TIMING offline submit-to-decision ms %s; online %.1f%n", offlineMs, onlineMs);
    }

    @Test
    void aQueueOutlivesTheSessionAndIsSentOnceTheGuardSignsInAgain(@BrowserTest.Phone BrowserSession guard) {
        clock.setToday(10, 0);
        guard.setDeviceTime(clock.instant());
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        Page page = guard.page();
        BrowserContext context = guard.context();
        guard.logIn(estate.guard().username(), TestData.PASSWORD);
        page.navigate("/gate");
        page.waitForURL(Pattern.compile(".*/gate\\?shift=\\d+$"));
        String gateUrl = page.url();
        page.evaluate("() => window.GateOffline.ready");
        page.waitForFunction("() => !!navigator.serviceWorker.controller");

        context.setOffline(true);
        page.reload();
        page.evaluate("() => window.GateOffline.ready");
        check(page, "RESIDENT", "OUT", null, null, null, "周离开", null);
        assertDecision(page, "放行", null);

        // The session ends while the phone is offline; back online the queue waits and the page asks for a sign-in.
        context.clearCookies();
        context.setOffline(false);
        page.evaluate("() => window.dispatchEvent(new Event('online'))");
        assertThat(page.locator("#offline-state .login")).isVisible();
        assertThat(page.locator("#offline-state .waiting")).hasText("待同步 1");
        assertThat(jdbc.sql("SELECT count(*) FROM access_check WHERE estate_id = :e").param("e", estate.id())
                .query(Long.class).single()).isZero();

        // Signed in again, the gate page sends what waited.
        guard.logIn(estate.guard().username(), TestData.PASSWORD);
        page.navigate(gateUrl);
        assertThat(page.locator("#offline-state .waiting")).hasText("待同步 0", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(jdbc.sql("SELECT count(*) FROM access_check WHERE estate_id = :e AND person_name = '周离开'")
                .param("e", estate.id()).query(Long.class).single()).isEqualTo(1);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    /** Fills the gate form as the guard does and submits it. */
    private static void check(Page page, String category, String direction, String code, String passToken, String temperature,
                              String name, String destination) {
        page.locator("input[name=direction][value=" + direction + "]").check();
        page.locator("input[name=category][value=" + category + "]").check();
        if (code != null) {
            // Offline the code is not looked up: the page says it cannot be verified now.
            GateScanner.scan(page, code);
            assertThat(page.locator("#lookup")).containsText("离线");
        }
        if (passToken != null) {
            page.locator("input[name=credentialRef]").fill(passToken);
        }
        if (temperature != null) {
            page.locator("input[name=temperature]").fill(temperature);
        }
        page.locator("input[name=personName]").fill(name);
        if (destination != null) {
            page.locator("input[name=destination]").fill(destination);
            page.locator("input[name=symptoms][value=false]").check();
        }
        page.evaluate("() => { window.__decisionBefore = document.getElementById('decision'); }");
        page.locator("#submit-check").click();
        page.waitForFunction("() => { const d = document.getElementById('decision'); return d && d !== window.__decisionBefore; }");
    }

    private static void assertDecision(Page page, String verdict, String reason) {
        Locator decision = page.locator("#decision");
        assertThat(decision.locator(".verdict")).hasText(verdict);
        if (reason == null) {
            assertThat(decision.locator("li")).hasCount(0);
        } else {
            assertThat(decision.locator("li").filter(new Locator.FilterOptions().setHasText(reason))).hasCount(1);
        }
    }

    /** Milliseconds from the last submit to the decision shown, as the page marked them. */
    private static double decisionMs(Page page) {
        Object ms = page.evaluate("""
                () => { const s = performance.getEntriesByName('gate-submit').pop(), d = performance.getEntriesByName('gate-decision-shown').pop();
                        return s && d ? d.startTime - s.startTime : -1; }""");
        return ((Number) ms).doubleValue();
    }
}
