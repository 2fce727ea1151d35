package com.estateguard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.estateguard.cockpit.internal.CheckRollupJob;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evidence for the cockpit, in a real browser: the demo city's authority opens the
 * cockpit from the home page, the three charts render (ECharts canvases, no console or CSP error),
 * a click on a district's column in the chart drills down to that district, and a click on a street
 * in the table to its estates, each linking its refusals to the check list behind them.
 */
@BrowserTest
class CockpitBrowserTest {

    @Autowired
    CheckRollupJob rollups;
    @Autowired
    TestClock clock;

    @Test
    void theCityOpensTheCockpitTheChartsRenderAndAClickOnADistrictDrillsDown(BrowserSession city) {
        // Late morning of the day the demo's checks were made (the suite's start): the cockpit's "today".
        clock.setToday(11, 0);
        rollups.catchUp();
        Page page = city.page();
        city.logIn("city", "demo1234");
        page.locator("#open-cockpit").click();
        page.waitForURL(Pattern.compile(".*/cockpit$"));
        assertThat(page.locator("#place-name")).hasText("滨江市");
        assertThat(page.locator("input[name=day]")).hasValue(clock.today().toString());
        assertCharts(page, true);
        city.screenshot("cockpit-city");

        // The first district's column in the parts chart (two districts: the first quarter of the plot).
        Locator firstPart = page.locator("#parts a.drill").first();
        String district = firstPart.textContent().trim();
        Locator chart = page.locator("#parts-chart canvas").first();
        BoundingBox box = chart.boundingBox();
        chart.click(new Locator.ClickOptions().setPosition(50 + (box.width - 60) / 4, box.height / 2));
        page.waitForURL(Pattern.compile(".*/cockpit\\?region=\\d+.*"));
        assertThat(page.locator("#place-name")).hasText(district);
        assertThat(page.locator("#trail a")).hasText("滨江市");
        assertCharts(page, true);

        // A street from the table: its parts are estates, each refusal count opens that estate's refusals.
        Locator street = page.locator("#parts a.drill").first();
        String streetName = street.textContent().trim();
        street.click();
        page.waitForURL(Pattern.compile(".*/cockpit\\?region=\\d+.*"));
        assertThat(page.locator("#place-name")).hasText(streetName);
        assertThat(page.locator("#parts tr[data-kind=ESTATE]").first()).isVisible();
        assertThat(page.locator("#parts tr[data-kind=ESTATE] td:nth-child(3) a").first())
                .hasAttribute("href", Pattern.compile("/checks\\?from=.*direction=IN&estate=\\d+&decision=REFUSE"));
        assertCharts(page, true);
        city.screenshot("cockpit-street");

        city.assertNoBrowserErrors();
    }

    private static void assertCharts(Page page, boolean region) {
        page.waitForSelector("body[data-charts-drawn=true]");
        if (region) {
            assertThat(page.locator("#parts-chart canvas")).hasCount(1);
        }
        assertThat(page.locator("#time-chart canvas")).hasCount(1);
        assertThat(page.locator("#reason-chart canvas")).hasCount(1);
    }
}
