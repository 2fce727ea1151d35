package com.estateguard.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.LedgersTestData;
import com.estateguard.TestClock;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supplies ledger over HTTP: flammable items need a keeper, stock never goes negative, the shortfall shows.
 * At an estate of the test's own, whose property company has no budget until the test sets one.
 */
@IntegrationTest
class SuppliesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    LedgersTestData data;

    LedgersTestData.Site site;
    long estate;

    @BeforeEach
    void anEstateOfItsOwn() {
        site = data.site(PolicyPreset.BEIJING_2022);
        estate = site.id();
    }

    private Map<String, String> item(String name, String category, String flammable, String place, String keeper) {
        return new HashMap<>(Map.of("name", name, "category", category, "unit", "瓶", "flammable", flammable,
                "storagePlace", place, "keeper", keeper));
    }

    private Map<String, String> move(long item, String direction, String quantity, LocalDateTime at) {
        return new HashMap<>(Map.of("itemId", String.valueOf(item), "direction", direction, "quantity", quantity,
                "occurredAt", at.withSecond(0).withNano(0).toString()));
    }

    @Test
    void aFlammableItemWithoutKeeperIsRefused() {
        var admin = site.admin().login(port);
        admin.get("/supplies/estates/" + estate);
        var refused = admin.postForm("/supplies/estates/" + estate + "/items", item("酒精测试", "ALCOHOL_75", "true", "", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("易燃物品须填写单独存放地点和保管人");
        var ok = admin.postForm("/supplies/estates/" + estate + "/items", item("酒精测试", "ALCOHOL_75", "true", "B间", "王仓管"));
        assertThat(ok.status()).isEqualTo(302);
    }

    @Test
    void stockCoverAndShortfallFollowTheMovements() {
        var admin = site.admin().login(port);
        admin.get("/supplies/estates/" + estate);
        String name = "消毒片测试";
        admin.postForm("/supplies/estates/" + estate + "/items", item(name, "CHLORINE_TABLETS", "false", "", ""));
        long id = jdbc.sql("SELECT id FROM sup_item WHERE estate_id = :e AND name = :n").param("e", estate).param("n", name)
                .query(Long.class).single();
        LocalDateTime now = clock.localNow();
        assertThat(admin.postForm("/supplies/estates/" + estate + "/movements", move(id, "IN", "100", now.minusDays(3))).status()).isEqualTo(302);
        assertThat(admin.postForm("/supplies/estates/" + estate + "/movements", move(id, "OUT", "35", now.minusDays(2))).status()).isEqualTo(302);
        var tooMuch = admin.postForm("/supplies/estates/" + estate + "/movements", move(id, "OUT", "66", now.minusMinutes(5)));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("库存不足");

        // 65 left, 35 used in the 7-day window: 5 a day, 13 days of cover, 30 days would need 150: short by 85.
        String page = admin.get("/supplies/estates/" + estate).body();
        String row = page.substring(page.indexOf("data-item=\"" + name + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("65 瓶").contains(">13.0<").contains("缺 85 瓶");
    }

    @Test
    void anotherEstatesAdminCannotSeeTheSupplies() {
        var otherAdmin = data.site(PolicyPreset.BEIJING_2022).admin();
        assertThat(otherAdmin.login(port).get("/supplies/estates/" + estate).status()).isEqualTo(404);
        var cleaner = data.member(site, Role.CLEANER, "保洁");
        assertThat(cleaner.login(port).get("/supplies/estates/" + estate).status()).isEqualTo(403);
    }

    @Test
    void theCompanyHeadSetsTheBudgetAndTheEstatesSpendingCountsAgainstIt() {
        long company = site.companyId();
        int year = clock.today().getYear();
        var head = data.companyHead(site).login(port);
        head.get("/supplies/budgets");
        assertThat(head.postForm("/supplies/budgets", Map.of("companyId", String.valueOf(company), "year", String.valueOf(year),
                "amount", "50000")).status()).isEqualTo(302);
        var admin = site.admin().login(port);
        admin.get("/supplies/budgets");
        assertThat(admin.postForm("/supplies/budgets", Map.of("companyId", String.valueOf(company), "year", String.valueOf(year),
                "amount", "1")).status()).isEqualTo(403);
        assertThat(admin.postForm("/supplies/spending", Map.of("companyId", String.valueOf(company),
                "spentOn", clock.today().toString(), "amount", "1200.50", "purpose", "采购口罩")).status()).isEqualTo(302);
        String page = head.get("/supplies/budgets?year=" + year).body();
        assertThat(page).contains("50000.00 元").contains("1200.50 元").contains("48799.50 元");
    }
}
