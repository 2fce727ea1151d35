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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 section 3: the cleaner saves a record while the phone has no network. The page does not
 * fail: the record is kept on the phone as queued (static/js/drafts.js, data-queue-offline, the same
 * mechanism as the drafts), and once the phone is online again it is submitted by itself, once.
 */
@BrowserTest
class CleanerQueuedRecordBrowserTest {

    private static final String PLACE = "离线提交测试大堂";

    @Autowired
    TestClock clock;
    @Autowired
    LedgersTestData data;
    @Autowired
    Places places;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecordSavedOfflineIsSubmittedOnceWhenThePhoneIsOnlineAgain(@Phone BrowserSession cleaner) {
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
        long task = Long.parseLong(taskUrl.substring(taskUrl.lastIndexOf('/') + 1));
        String key = "eg-draft:hygiene-task-" + task;

        // The network drops while the cleaner fills the record and saves it.
        cleaner.context().setOffline(true);
        page.locator("#agent").selectOption("CHLORINE");
        page.locator("#concentrationMgL").fill("500");
        page.locator("#areaM2").fill("42.5");
        page.locator("#ventilationMinutes").fill("30");
        page.locator("#record-form button[type=submit]").click();
        assertThat(page.locator("#draft-status")).containsText("已保存在手机上，联网后自动提交");
        assertThat(page).hasURL(taskUrl);
        assertThat(records(task)).isZero();
        assertThat((String) page.evaluate("k => window.localStorage.getItem(k)", key)).contains("\"queued\":true");

        // Back online: the queued record is sent by itself, with a fresh CSRF token, and the draft is dropped.
        cleaner.context().setOffline(false);
        assertThat(page.locator("#draft-status")).containsText("已自动提交");
        assertThat(page.locator("#draft-status")).containsText(PLACE);
        assertThat(page.evaluate("k => window.localStorage.getItem(k)", key)).isNull();
        assertThat(records(task)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT concentration_mg_l FROM hyg_record WHERE task_id = :t").param("t", task)
                .query(Number.class).single().intValue()).isEqualTo(500);

        // Opening the page again (another chance to send) does not send it a second time.
        page.reload();
        assertThat(page.locator("#concentrationMgL")).hasValue("");
        page.navigate("/hygiene/tasks");
        assertThat(page.locator("#task-list")).isVisible();
        assertThat(records(task)).isEqualTo(1);
    }

    @Test
    void aQueuedRecordTheServerRefusesStaysOnThePhoneWithTheReason(@Phone BrowserSession cleaner) {
        clock.setToday(9, 0);
        var site = data.site(PolicyPreset.BEIJING_2022);
        places.add(site.id(), new PlaceForm(PLACE, PlaceType.LOBBY, null, null, null, null, null, null), site.admin().user());
        var person = data.member(site, Role.CLEANER, "保洁");
        Page page = cleaner.page();
        cleaner.logIn(person.username(), TestData.PASSWORD);
        page.navigate("/hygiene/tasks");
        page.locator("#task-list a.task[data-place='" + PLACE + "']").first().click();
        page.waitForURL(Pattern.compile(".*/hygiene/tasks/\\d+$"));
        String taskUrl = page.url();
        long task = Long.parseLong(taskUrl.substring(taskUrl.lastIndexOf('/') + 1));
        String key = "eg-draft:hygiene-task-" + task;

        // Offline, the cleaner enters a finishing time later than now (09:00): the phone cannot know it is wrong.
        cleaner.context().setOffline(true);
        page.locator("#doneAt").fill(clock.today() + "T23:00");
        page.locator("#areaM2").fill("42.5");
        page.locator("#ventilationMinutes").fill("30");
        page.locator("#record-form button[type=submit]").click();
        assertThat(page.locator("#draft-status")).containsText("联网后自动提交");

        // Online: the server refuses it; the draft stays on the phone, no longer queued, with the reason.
        cleaner.context().setOffline(false);
        assertThat(page.locator("#draft-status")).containsText("未能提交");
        assertThat(page.locator("#draft-status")).containsText("完成时间不能晚于现在");
        assertThat((String) page.evaluate("k => window.localStorage.getItem(k)", key)).doesNotContain("\"queued\":true").contains("42.5");
        assertThat(records(task)).isZero();
        page.reload();
        assertThat(page.locator("#areaM2")).hasValue("42.5");
        assertThat(records(task)).isZero();
    }

    private long records(long task) {
        return jdbc.sql("SELECT count(*) FROM hyg_record WHERE task_id = :t").param("t", task).query(Long.class).single();
    }
}
