package com.estateguard.hygiene;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.BrowserSession;
import com.estateguard.BrowserTest;
import com.estateguard.BrowserTest.Phone;
import com.estateguard.LedgersTestData;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.hygiene.internal.PlaceForm;
import com.estateguard.hygiene.internal.PlaceType;
import com.estateguard.hygiene.internal.Places;
import com.estateguard.policy.PolicyPreset;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cleaner's record on a phone keeps a draft through the same mechanism as the inspector's sheet
 * (static/js/drafts.js, issue 11 section 3): what was typed survives a reload (a dropped connection,
 * a closed tab) and is forgotten once the record is saved.
 */
@BrowserTest
class CleanerDraftBrowserTest {

    private static final String PLACE = "草稿测试大堂";

    @Autowired
    TestClock clock;
    @Autowired
    LedgersTestData data;
    @Autowired
    Places places;

    @Test
    void whatTheCleanerTypedSurvivesAReloadAndIsDroppedOnceSaved(@Phone BrowserSession cleaner) {
        clock.setToday(9, 0);
        var site = data.site(PolicyPreset.BEIJING_2022);
        places.add(site.id(), new PlaceForm(PLACE, PlaceType.LOBBY, null, null, null, null, null, null), site.admin().user());
        var person = data.member(site, Role.CLEANER, "保洁");
        Page page = cleaner.page();
        cleaner.logIn(person.username(), TestData.PASSWORD);

        cleaner.navLink("今日任务").click();
        page.waitForURL(Pattern.compile(".*/hygiene/tasks$"));
        page.locator("#task-list a.task[data-place='" + PLACE + "']").first().click();
        page.waitForURL(Pattern.compile(".*/hygiene/tasks/\\d+$"));
        String taskUrl = page.url();
        String key = "eg-draft:hygiene-task-" + taskUrl.substring(taskUrl.lastIndexOf('/') + 1);

        page.locator("#agent").selectOption("CHLORINE");
        page.locator("#concentrationMgL").fill("400");
        page.locator("#areaM2").fill("66.5");
        assertThat(page.locator("#draft-status")).containsText("草稿已保存在本机");

        // The connection drops, the page is opened again: the draft is back.
        page.reload();
        assertThat(page.locator("#concentrationMgL")).hasValue("400");
        assertThat(page.locator("#areaM2")).hasValue("66.5");
        assertThat(page.locator("#draft-status")).containsText("已恢复本机草稿");

        page.locator("#ventilationMinutes").fill("30");
        page.locator("#record-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/hygiene/tasks$"));
        assertThat(page.locator("#recorded")).containsText(PLACE);
        assertThat(page.evaluate("k => window.localStorage.getItem(k)", key)).isNull();

        // A new record of the task starts empty, not from the saved one.
        page.navigate(taskUrl);
        assertThat(page.locator("#concentrationMgL")).hasValue("");
        assertThat(page.locator("#draft-status")).isHidden();
    }
}
