package com.estateguard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estateguard.BrowserTest.Phone;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evidence for hygiene, in a real browser on a phone-sized screen: the cleaner logs in,
 * opens today's tasks, records the lobby's disinfection and sees the estate's compliance rise, on
 * the phone page and on the estate's hygiene page.
 */
@BrowserTest
class HygieneBrowserTest {

    private static final String PLACE = "1号楼单元大厅";

    @Autowired
    TestClock clock;

    @Test
    void cleanerRecordsADisinfectionFromThePhoneAndTheEstatesComplianceRises(@Phone BrowserSession cleaner) {
        clock.setToday(9, 0);   // before the lobby's first round is due (13:00), so it is still to do
        Page page = cleaner.page();
        cleaner.logIn("cleaner", "demo1234");
        assertThat(page.locator("header .who")).containsText("孙秀英");

        cleaner.navLink("今日任务").click();
        page.waitForURL(Pattern.compile(".*/hygiene/tasks$"));
        Locator rate = page.locator("#compliance-rate");
        assertThat(rate).hasText(Pattern.compile("\\d+(\\.\\d)?%"));
        String before = rate.textContent().trim();
        String doneBefore = page.locator("#done-count").textContent().trim();
        cleaner.screenshot("hygiene-tasks-before");

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
        cleaner.screenshot("hygiene-record");
        page.locator("#record-form button[type=submit]").click();

        page.waitForURL(Pattern.compile(".*/hygiene/tasks$"));
        assertThat(page.locator("#recorded")).containsText(PLACE);
        assertThat(rate).not().hasText(before);
        assertNotEquals(doneBefore, page.locator("#done-count").textContent().trim());
        assertThat(page.locator("#task-list a.task.ok[data-place='" + PLACE + "']")).hasCount(1);
        String after = rate.textContent().trim();
        assertTrue(Double.parseDouble(after.replace("%", "")) > Double.parseDouble(before.replace("%", "")),
                "compliance should rise: " + before + " -> " + after);
        cleaner.screenshot("hygiene-tasks-after");

        // The estate's hygiene page shows the same rate.
        cleaner.navLink("消毒消杀").click();
        page.waitForURL(Pattern.compile(".*/hygiene$"));
        page.locator("#compliance-table a").filter(new Locator.FilterOptions().setHasText("阳光花园")).click();
        assertThat(page.locator("#compliance-rate")).hasText(after);
        assertThat(page.locator("#day-tasks tr").filter(new Locator.FilterOptions().setHasText(PLACE))
                .filter(new Locator.FilterOptions().setHasText("300 mg/L"))).hasCount(1);

        cleaner.assertNoBrowserErrors();
    }
}
