package com.estateguard.supervision;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.estateguard.BrowserSession;
import com.estateguard.BrowserTest;
import com.estateguard.BrowserTest.Phone;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone: the estate's prevention administrator finds the rectification order an unqualified inspection
 * left, sees its deadline (2 working days after the eve of National Day 2026: 10-09), says what was done for
 * each item, attaches a photo and submits.
 */
@BrowserTest
class RectificationBrowserTest {

    @Autowired
    TestData data;
    @Autowired
    OrderTestData inspections;
    @Autowired
    TestClock clock;

    @Test
    void theAdministratorAnswersTheOrderWithAPhotoFromThePhone(@Phone BrowserSession admin) {
        TestData.Estate estate = data.estate(PolicyPreset.HUACHUAN_2021);
        TestData.Person street = data.authority(estate, Role.STREET_AUTHORITY);
        clock.setLocal(LocalDateTime.of(2026, 9, 30, 16, 0));
        long order = inspections.orderOf(inspections.unqualified(estate.id(), street.user()));
        clock.setLocal(LocalDateTime.of(2026, 10, 8, 9, 0));

        Page page = admin.page();
        admin.logIn(estate.admin().username(), TestData.PASSWORD);
        admin.navLink("整改通知").click();
        page.waitForURL(Pattern.compile(".*/supervision/orders$"));
        Locator tile = page.locator("#order-tiles a[data-order='" + order + "']");
        assertThat(tile).containsText("整改期限 2026-10-09");
        assertThat(tile).containsText("待整改");
        admin.screenshot("rectification-orders-phone");

        tile.click();
        page.waitForURL(Pattern.compile(".*/supervision/orders/" + order + "$"));
        assertThat(page.locator("#order-due")).hasText("2026-10-09");
        Locator items = page.locator("#answer-form fieldset");
        int count = items.count();
        for (int i = 0; i < count; i++) {
            items.nth(i).locator("textarea").fill("已整改：制度上墙，专人负责（第 " + (i + 1) + " 项）");
        }
        items.first().locator("input[type=file]").setInputFiles(
                new FilePayload("整改照片.png", "image/png", RectificationOrdersTest.PNG));
        admin.screenshot("rectification-answer-phone");
        page.locator("#answer-form button[type=submit]").click();

        page.waitForURL(Pattern.compile(".*/supervision/orders/" + order + "$"));
        assertThat(page.locator("#saved")).hasText("整改情况已报送");
        assertThat(page.locator("#order-status")).hasText("已报送，待复查");
        assertThat(page.locator("#items .evidence")).hasCount(1);
        assertThat(page.locator("#items .action").first()).containsText("制度上墙");
        admin.assertNoBrowserErrors();
    }
}
