package com.estateguard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.estateguard.policy.PolicyPreset;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8, finding 4 in a real browser: on the gate page only a scanner (or the camera) produces a
 * scan. The same registered visitor's code, typed key by key, is recorded as typed and turned back
 * (不得以亮码代替扫码); read as a scanner's burst ending in Enter, it is let in. The estate, its guard
 * and the visitor are the test's own (Beijing 2022).
 */
@BrowserTest
class GateCodeInputBrowserTest {

    @Autowired
    TestData data;

    private BrowserSession guard;
    private Page page;
    private String visitorId;

    @BeforeEach
    void aGuardOnShiftAndARegisteredVisitor(BrowserSession guard) {
        this.guard = guard;
        page = guard.page();
        TestData.Estate estate = data.estate(PolicyPreset.BEIJING_2022);
        visitorId = data.registeredPerson("键入访客", Duration.ofHours(10), "NEGATIVE", "GREEN");
        guard.logIn(estate.guard().username(), TestData.PASSWORD);
        page.navigate("/gate");
        page.waitForURL(Pattern.compile(".*/gate\\?shift=\\d+$"));
    }

    @Test
    void aCodeTypedKeyByKeyIsRefusedAsNotScanned() {
        GateScanner.typeByHand(page, "HC:" + visitorId);
        assertThat(page.locator("#codeInput")).hasValue("TYPED");
        fillTheRestAndSubmit();

        assertThat(page.locator("#decision .verdict")).hasText("劝返");
        assertThat(page.locator("#decision li").filter(new Locator.FilterOptions().setHasText("手输的码不能代替扫码"))).hasCount(1);
        assertThat(page.locator(".tile").filter(new Locator.FilterOptions().setHasText("手输"))).hasCount(1);
        guard.screenshot("gate-typed-code");
        guard.assertNoBrowserErrors();
    }

    @Test
    void aPastedCodeIsTypedToo() {
        page.locator("#scannedCode").fill("HC:" + visitorId);
        page.locator("#scannedCode").press("Enter");
        assertThat(page.locator("#codeInput")).hasValue("TYPED");
        fillTheRestAndSubmit();

        assertThat(page.locator("#decision .verdict")).hasText("劝返");
        assertThat(page.locator("#decision")).containsText("手输的码不能代替扫码");
        guard.assertNoBrowserErrors();
    }

    @Test
    void aScannersBurstEndingInEnterIsAScan() {
        GateScanner.scan(page, "HC:" + visitorId);
        assertThat(page.locator("#codeInput")).hasValue("SCANNER");
        fillTheRestAndSubmit();

        assertThat(page.locator("#decision .verdict")).hasText("放行");
        assertThat(page.locator("#decision li")).hasCount(0);
        assertThat(page.locator(".tile").filter(new Locator.FilterOptions().setHasText("扫码"))).hasCount(1);
        guard.screenshot("gate-scanned-code");
        guard.assertNoBrowserErrors();
    }

    /** After the code: the lookup shows who it is, then temperature, ID checked, where to, symptoms, mask. */
    private void fillTheRestAndSubmit() {
        assertThat(page.locator("#lookup")).containsText("键入访客");
        page.locator("input[name=category][value=VISITOR]").check();
        page.locator("input[name=temperature]").fill("36.5");
        page.locator("select[name=credentialType]").selectOption("ID_DOCUMENT");
        page.locator("input[name=credentialVerified]").check();
        page.locator("input[name=destination]").fill("3号楼 探亲");
        page.locator("input[name=symptoms][value=false]").check();
        page.locator("input[name=mask]").check();
        page.waitForResponse(r -> r.url().endsWith("/gate/check") && "POST".equals(r.request().method()),
                () -> page.locator("#submit-check").click());
    }
}
