package com.estateguard.supervision;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.estateguard.BrowserSession;
import com.estateguard.BrowserTest;
import com.estateguard.BrowserTest.Phone;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An inspector on a phone (390x844) fills the Huachuan score sheet at an estate: the estate's own
 * records beside the items, the running score, a draft that survives a reload, and the result.
 */
@BrowserTest
class SupervisionBrowserTest {

    @Autowired
    TestData data;
    @Autowired
    Inspections inspections;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anInspectorFillsTheHuachuanSheetOnAPhoneAndSubmits(@Phone BrowserSession inspector) {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        var street = data.authority(estate, Role.STREET_AUTHORITY);
        List<TemplateItem> items = inspections.items(inspections.inUse("HUACHUAN_2021").orElseThrow());
        TemplateItem risk = find(items, 1, 4);        // 视工作实际情况给予1-3分
        TemplateItem gateDuty = find(items, 3, 3);    // 配合不到位酌情扣1-10分
        TemplateItem disinfection = find(items, 4, 1);

        Page page = inspector.page();
        page.setViewportSize(390, 844);
        inspector.logIn(street.username(), TestData.PASSWORD);
        inspector.navLink("督导检查").click();
        page.waitForURL(Pattern.compile(".*/supervision/inspections$"));
        page.getByText("开始检查").click();
        page.locator("input[name=q]").fill(estate.name());
        page.locator("main form.filters button[type=submit]").click();
        page.locator("#estate-choices li").filter(new Locator.FilterOptions().setHasText(estate.name()))
                .getByText("桦川县住宅小区物业服企业疫情防控检查考核管理评分表").click();
        page.waitForURL(Pattern.compile(".*/supervision/inspect/" + estate.id() + "\\?template=\\d+$"));
        assertThat(page.locator("#estate-name")).hasText(estate.name());
        assertThat(page.locator(".inspect-item")).hasCount(21);
        // The estate's own records beside the gate item.
        assertThat(page.locator("#item-" + find(items, 3, 1).id() + " .figure").first()).containsText("出入口排班覆盖 24 / 168 小时");

        // Half the sheet, then the page is reloaded as on a lost connection: the draft comes back.
        Locator allOrNothing = page.locator(".inspect-item[data-mode=ALL_OR_NOTHING]");
        for (int i = 0; i < 8; i++) {
            allOrNothing.nth(i).locator("input[type=radio]").first().check();
        }
        page.locator("input[name='v." + risk.id() + "']").fill("2");
        assertThat(page.locator("#draft-status")).containsText("草稿已保存在本机");
        page.reload();
        assertThat(page.locator("#draft-status")).containsText("已恢复本机草稿");
        assertThat(page.locator("input[name='v." + risk.id() + "']")).hasValue("2");
        assertThat(allOrNothing.nth(7).locator("input[type=radio]").first()).isChecked();

        int count = allOrNothing.count();
        for (int i = 8; i < count; i++) {
            allOrNothing.nth(i).locator("input[type=radio]").first().check();
        }
        page.locator("#item-" + disinfection.id() + " input[value='0']").check();
        page.locator("#item-" + disinfection.id() + " input[name='n." + disinfection.id() + "']").fill("消毒记录缺三天");
        Locator deductions = page.locator(".inspect-item[data-mode=DEDUCTION] input[type=number]");
        for (int i = 0; i < deductions.count(); i++) {
            deductions.nth(i).fill("0");
        }
        page.locator("input[name='v." + gateDuty.id() + "']").fill("3");
        // 100 less 1 (risk screening 2 of 3), 3 deducted at the gate, 10 for disinfection
        assertThat(page.locator("#live-score-value")).hasText("86 / 100");
        inspector.screenshot("supervision-inspect-phone");
        page.locator("#submit-inspection").click();

        page.waitForURL(Pattern.compile(".*/supervision/inspections/\\d+\\?submitted=.*"));
        assertThat(page.locator("#submitted")).isVisible();
        assertThat(page.locator("#score")).hasText("86 / 100");
        assertThat(page.locator("#verdict")).hasText("合格");
        assertThat(page.locator("#failed-items li")).hasCount(3);
        assertThat(page.locator("#failed-items")).containsText("加强楼栋大堂、走廊、停车场");
        assertThat(page.locator("#line-" + disinfection.id())).containsText("消毒记录缺三天");
        inspector.screenshot("supervision-result-phone");
        assertEquals(0, ((Number) page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('eg-draft:inspection:')).length")).intValue(),
                "the draft is gone once submitted");

        inspector.assertNoBrowserErrors();
    }

    @Test
    void aSheetSubmittedWithoutANetworkIsQueuedOnThePhoneAndSentOnceWhenOnline(@Phone BrowserSession inspector) {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        var street = data.authority(estate, Role.STREET_AUTHORITY);
        List<TemplateItem> items = inspections.items(inspections.inUse("HUACHUAN_2021").orElseThrow());
        Page page = inspector.page();
        page.setViewportSize(390, 844);
        inspector.logIn(street.username(), TestData.PASSWORD);
        page.navigate("/supervision/inspect/" + estate.id() + "?template=" + inspections.inUse("HUACHUAN_2021").orElseThrow().value());
        assertThat(page.locator(".inspect-item")).hasCount(21);

        Locator allOrNothing = page.locator(".inspect-item[data-mode=ALL_OR_NOTHING]");
        for (int i = 0; i < allOrNothing.count(); i++) {
            allOrNothing.nth(i).locator("input[type=radio]").first().check();
        }
        page.locator("input[name='v." + find(items, 1, 4).id() + "']").fill("3");
        Locator deductions = page.locator(".inspect-item[data-mode=DEDUCTION] input[type=number]");
        for (int i = 0; i < deductions.count(); i++) {
            deductions.nth(i).fill("0");
        }
        assertThat(page.locator("#live-score-value")).hasText("100 / 100");

        // The connection drops at the gate; the inspector submits anyway: the sheet stays on the phone, queued.
        inspector.context().setOffline(true);
        page.locator("#submit-inspection").click();
        assertThat(page.locator("#draft-status")).containsText("已保存在手机上，联网后自动提交");
        assertEquals(0L, submitted(estate.id()));

        // Back online: sent by itself, once, and the draft is gone.
        inspector.context().setOffline(false);
        assertThat(page.locator("#draft-status")).containsText("已自动提交");
        assertEquals(1L, submitted(estate.id()));
        page.reload();
        assertEquals(1L, submitted(estate.id()));
        assertEquals(0, ((Number) page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('eg-draft:inspection:')"
                + " && localStorage.getItem(k).includes('\\\"queued\\\":true')).length")).intValue());
    }

    private long submitted(long estateId) {
        return jdbc.sql("SELECT count(*) FROM sup_inspection WHERE estate_id = :e").param("e", estateId).query(Long.class).single();
    }

    private static TemplateItem find(List<TemplateItem> items, int section, int position) {
        return items.stream().filter(i -> i.sectionPosition() == section && i.position() == position).findFirst().orElseThrow();
    }
}
