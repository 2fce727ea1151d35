package com.estateguard.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.estateguard.BrowserSession;
import com.estateguard.BrowserTest;
import com.estateguard.BrowserTest.Phone;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "三核查" (001) on a guard's phone at a Huachuan 2021 estate: the box is open, the guard taps
 * "已核验身份证" and the travel code "带星", and the decision names the star and no missing check.
 */
@BrowserTest
class ThreeChecksBrowserTest {

    @Autowired
    TestData data;

    @Test
    void theGuardTapsTheThreeChecksAndTheDecisionNamesTheStar(@Phone BrowserSession guard) {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        Page page = guard.page();
        guard.logIn(estate.guard().username(), TestData.PASSWORD);
        page.navigate("/gate");
        page.waitForURL(Pattern.compile(".*/gate\\?shift=\\d+$"));

        Locator box = page.locator("#three-checks");
        assertThat(box.getByText("已核验身份证")).isVisible();
        page.locator("input[name=category][value=VISITOR]").check();
        page.locator("input[name=temperature]").fill("36.5");
        page.locator("input[name=destination]").fill("3号楼 探亲");
        page.locator("input[name=symptoms][value=false]").check();
        page.locator("input[name=idDocumentChecked]").check();
        page.locator("input[name=travelCode][value=STARRED]").check();
        page.locator("#submit-check").click();

        Locator decision = page.locator("#decision");
        assertThat(decision).isVisible();
        assertThat(decision.locator("li").filter(new Locator.FilterOptions().setHasText("行程码带星"))).hasCount(1);
        assertThat(decision.locator("li").filter(new Locator.FilterOptions().setHasText("未核验身份证"))).hasCount(0);
        assertThat(decision.locator("li").filter(new Locator.FilterOptions().setHasText("未查验行程码"))).hasCount(0);
        assertThat(page.locator(".tile").filter(new Locator.FilterOptions().setHasText("三核查"))).containsText("行程码 带星");
        guard.screenshot("gate-three-checks");
        guard.assertNoBrowserErrors();
    }
}
