package com.estateguard.supervision;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.estateguard.BrowserSession;
import com.estateguard.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the city sees of the demo campaign in a real browser: the coverage chart drawn from the
 * figures (ECharts under the CSP), and the drill-down from the city to a street's estates.
 */
@BrowserTest
class CampaignBrowserTest {

    @Test
    void theCitySeesCoverageByStreetAndDrillsDownToTheEstates(BrowserSession city) {
        Page page = city.page();
        city.logIn("city", "demo1234");
        city.navLink("督导行动").click();
        page.waitForURL(Pattern.compile(".*/supervision/campaigns$"));
        page.locator("#campaign-list a").filter(new Locator.FilterOptions().setHasText("演示数据")).click();
        page.waitForURL(Pattern.compile(".*/supervision/campaigns/\\d+$"));

        assertThat(page.locator("#coverage-chart canvas")).hasCount(1);
        assertThat(page.locator("#score-chart canvas")).hasCount(1);
        assertThat(page.locator("#total-gaps")).hasText(Pattern.compile("\\d+"));
        city.screenshot("campaign-coverage");

        page.locator("#coverage-by-region a").filter(new Locator.FilterOptions().setHasText("江南区")).click();
        page.locator("#coverage-by-region a").filter(new Locator.FilterOptions().setHasText("长桥街道")).click();
        assertThat(page.locator("#trail")).containsText("滨江市");
        assertThat(page.locator("#trail")).containsText("长桥街道");
        assertThat(page.locator("#coverage-estates tr").filter(new Locator.FilterOptions().setHasText("阳光花园"))).hasCount(1);
        city.assertNoBrowserErrors();
    }
}
