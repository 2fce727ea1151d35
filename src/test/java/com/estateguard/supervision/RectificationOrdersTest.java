package com.estateguard.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.supervision.internal.calendar.WorkingDays;
import com.estateguard.common.tabular.TabularReader;
import com.estateguard.common.tabular.TabularRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rectification over HTTP (SPV-02, SPV-07, SPV-09): an inspection below the pass mark on the eve of National Day
 * 2026 orders the estate to rectify within 2 working days (due 10-09 by the State Council's calendar); overdue it
 * shows to the street and the district, never to another street; the estate answers with a photo; estate staff
 * cannot verify; another authority re-checks only the failed items and closes the order, or records the downgrade.
 */
@IntegrationTest
class RectificationOrdersTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    OrderTestData inspections;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDays workingDays;

    TestData.Estate estate;
    TestData.Person street;

    @BeforeEach
    void anEstateAndItsStreet() {
        estate = data.estate(PolicyPreset.HUACHUAN_2021);
        street = data.authority(estate, Role.STREET_AUTHORITY);
    }

    @Test
    void theStoredCalendarCountsTheNoticesHolidaysAndMakeUpDays() {
        assertThat(workingDays.addTo(LocalDate.of(2026, 9, 30), 2)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(workingDays.addTo(LocalDate.of(2026, 10, 9), 1)).isEqualTo(LocalDate.of(2026, 10, 10));
        // 2025: 10-01..10-08 off, so 09-30 + 2 is Friday 10-10 (Saturday 10-11 is the make-up day after it).
        assertThat(workingDays.addTo(LocalDate.of(2025, 9, 30), 2)).isEqualTo(LocalDate.of(2025, 10, 10));
        // Spring Festival 2026: 02-15..02-23 off; Saturday 02-14 worked.
        assertThat(workingDays.addTo(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(workingDays.addTo(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void theCityKeepsTheCalendarAndAStreetMayOnlyReadIt() {
        TestClient city = data.authority(estate, Role.CITY_AUTHORITY).login(port);
        assertThat(city.get("/supervision/calendar?year=2026").body()).contains("data-day=\"2026-10-10\"").contains("国庆节调休上班");
        assertThat(city.postForm("/supervision/calendar/days", Map.of("day", "2099-03-04", "kind", "HOLIDAY", "name", "测试假日")).status())
                .isEqualTo(302);
        assertThat(workingDays.addTo(LocalDate.of(2099, 3, 3), 1)).isEqualTo(LocalDate.of(2099, 3, 5));
        TestClient streetClient = street.login(port);
        assertThat(streetClient.get("/supervision/calendar?year=2099").body()).contains("测试假日").doesNotContain("id=\"day-form\"");
        assertThat(streetClient.postForm("/supervision/calendar/days/2099-03-04/remove", Map.of()).status()).isEqualTo(403);
        assertThat(city.postForm("/supervision/calendar/days/2099-03-04/remove", Map.of()).status()).isEqualTo(302);
        assertThat(workingDays.addTo(LocalDate.of(2099, 3, 3), 1)).isEqualTo(LocalDate.of(2099, 3, 4));
    }

    @Test
    void belowThePassMarkTheEstateRectifiesAndAnotherAuthorityClosesTheOrder() {
        clock.setLocal(LocalDateTime.of(2026, 9, 30, 10, 0));
        InspectionId inspection = inspections.unqualified(estate.id(), street.user());
        long order = inspections.orderOf(inspection);

        TestClient admin = estate.admin().login(port);
        TestClient.Response page = admin.get("/supervision/orders/" + order);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"order-due\">2026-10-09<").contains("id=\"order-status\">待整改<");
        assertThat(admin.get("/supervision/orders").body()).contains("data-order=\"" + order + "\"").contains("整改期限 2026-10-09");

        clock.setLocal(LocalDateTime.of(2026, 10, 10, 9, 0));
        TestClient streetClient = street.login(port);
        assertThat(streetClient.get("/supervision/orders?filter=OVERDUE").body()).contains("data-order=\"" + order + "\"");
        TestClient district = data.authority(estate, Role.DISTRICT_AUTHORITY).login(port);
        assertThat(district.get("/supervision/orders?filter=OVERDUE").body()).contains("data-order=\"" + order + "\"");
        assertThat(exported(streetClient)).anySatisfy(row -> assertThat(row.cells()).contains(String.valueOf(order), estate.name(), "2026-10-09", "已逾期"));

        TestData.Estate elsewhere = data.estate(PolicyPreset.HUACHUAN_2021);
        TestClient otherStreet = data.authority(elsewhere, Role.STREET_AUTHORITY).login(port);
        assertThat(otherStreet.get("/supervision/orders/" + order).status()).isEqualTo(404);
        assertThat(otherStreet.get("/supervision/orders?filter=ALL").body()).doesNotContain("data-order=\"" + order + "\"");
        assertThat(exported(otherStreet)).noneSatisfy(row -> assertThat(row.cells()).contains(estate.name()));

        List<Long> items = orderItems(order);
        assertThat(admin.postFile("/supervision/orders/" + order + "/answer", actions(items), "evidence-" + items.get(0), "整改.png", PNG)
                .status()).isEqualTo(302);
        page = admin.get("/supervision/orders/" + order);
        assertThat(page.body()).contains("id=\"order-status\">已报送，待复查<").contains("逾期报送").contains("/supervision/orders/evidence/");
        assertThat(admin.getBytes(evidenceLink(page.body())).body()).isEqualTo(PNG);

        assertThat(admin.postForm("/supervision/orders/" + order + "/recheck", Map.of()).status()).isEqualTo(403);
        assertThat(admin.get("/supervision/orders/" + order).body()).contains("id=\"order-status\">已报送，待复查<");

        assertThat(streetClient.postForm("/supervision/orders/" + order + "/recheck", recheck(order, true)).status()).isEqualTo(302);
        assertThat(streetClient.get("/supervision/orders/" + order).body()).contains("id=\"order-status\">复查通过，已结案<");
        Map<String, Object> recheck = jdbc.sql("""
                        SELECT i.kind, i.rechecks_id, (SELECT count(*) FROM sup_inspection_item t WHERE t.inspection_id = i.id AND t.failed) AS failed
                          FROM sup_inspection i JOIN sup_rectification_order o ON o.recheck_inspection_id = i.id WHERE o.id = :o""")
                .param("o", order).query().singleRow();
        assertThat(recheck.get("kind")).isEqualTo("RECHECK");
        assertThat(((Number) recheck.get("rechecks_id")).longValue()).isEqualTo(inspection.value());
        assertThat(((Number) recheck.get("failed")).intValue()).isZero();
    }

    @Test
    void aFailingRecheckRecordsTheDowngradeAndTheYearWithoutAwards() {
        InspectionId inspection = inspections.unqualified(estate.id(), street.user());
        long order = inspections.orderOf(inspection);
        TestClient admin = estate.admin().login(port);
        assertThat(admin.get("/supervision/orders/" + order).status()).isEqualTo(200);
        assertThat(admin.postForm("/supervision/orders/" + order + "/answer", actions(orderItems(order))).status()).isEqualTo(302);

        TestClient streetClient = street.login(port);
        assertThat(streetClient.get("/supervision/orders/" + order).body()).contains("id=\"recheck-form\"");
        assertThat(streetClient.postForm("/supervision/orders/" + order + "/recheck", recheck(order, false)).status()).isEqualTo(302);
        assertThat(streetClient.get("/supervision/orders/" + order).body()).contains("id=\"order-status\">复查未通过，已降档降级<");
        assertThat(streetClient.postForm("/supervision/orders/" + order + "/interviews", Map.of("heldAt", "2026-11-02T10:00",
                "heldBy", "长桥街道 王干事", "withWhom", "测试物业 总经理", "notes", "限期整改，逾期依规处理")).status()).isEqualTo(302);
        LocalDate today = clock.today();
        assertThat(streetClient.postForm("/supervision/orders/" + order + "/sanctions", Map.of("kind", "NO_NEW_BUSINESS",
                "groundKind", "ORDER", "groundId", String.valueOf(order), "imposedOn", today.toString(), "expiresOn", "",
                "reason", "防控工作不到位")).status()).isEqualTo(302);
        String orderPage = streetClient.get("/supervision/orders/" + order).body();
        assertThat(orderPage).contains("测试物业 总经理").contains("限期整改，逾期依规处理")
                .contains(today.plusYears(2).minusDays(1).toString());

        long company = jdbc.sql("SELECT company_id FROM sup_rectification_order WHERE id = :o").param("o", order).query(Long.class).single();
        String companyPage = admin.get("/supervision/companies/" + company).body();
        String inForce = companyPage.substring(companyPage.indexOf("id=\"in-force\""), companyPage.indexOf("id=\"history\""));
        assertThat(inForce).contains("data-kind=\"DOWNGRADE\"").contains("data-kind=\"NO_AWARDS_THIS_YEAR\"")
                .contains(LocalDate.of(clock.today().getYear(), 12, 31).toString());
        assertThat(admin.get("/supervision/estates/" + estate.id()).body()).contains("降档降级").contains("data-order=\"" + order + "\"");
    }

    @Test
    void theDemoHasAnOrderInEveryStateAndASanctionInForce() {
        // Overdue and in force by the application's clock, which the demo was loaded by (not the database's now()).
        List<String> states = jdbc.sql("""
                        SELECT DISTINCT CASE WHEN status = 'ISSUED' AND due_at < :now THEN 'OVERDUE' ELSE status END
                          FROM sup_rectification_order WHERE estate_name IN ('阳光花园', '锦绣苑', '望江华庭', '湖滨一号')""")
                .param("now", Timestamp.from(clock.instant())).query(String.class).list();
        assertThat(states).contains("ISSUED", "OVERDUE", "ANSWERED", "VERIFIED", "RECHECK_FAILED");
        assertThat(jdbc.sql("SELECT count(*) FROM sup_sanction WHERE estate_name = '湖滨一号' AND kind = 'NO_NEW_BUSINESS' AND expires_on > :today")
                .param("today", clock.today()).query(Long.class).single()).isEqualTo(1);
    }

    /** The overdue list as the Excel export has it, header row first. */
    private static List<TabularRow> exported(TestClient client) {
        var file = client.getBytes("/supervision/orders.xlsx?filter=OVERDUE");
        assertThat(file.statusCode()).isEqualTo(200);
        try {
            return TabularReader.read("orders.xlsx", new ByteArrayInputStream(file.body()), 5000).rows();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Long> orderItems(long order) {
        return jdbc.sql("SELECT id FROM sup_order_item WHERE order_id = :o ORDER BY position").param("o", order).query(Long.class).list();
    }

    private static Map<String, String> actions(List<Long> items) {
        Map<String, String> fields = new LinkedHashMap<>();
        items.forEach(i -> fields.put("action-" + i, "已整改：补齐制度并落实到人（第 " + i + " 项）"));
        return fields;
    }

    private Map<String, String> recheck(long order, boolean pass) {
        var ids = new HashSet<>(jdbc.sql("SELECT item_id FROM sup_order_item WHERE order_id = :o").param("o", order).query(Long.class).list());
        Map<String, String> fields = new LinkedHashMap<>();
        for (TemplateItem item : inspections.items(ids)) {
            ItemEntry entry = OrderTestData.entry(item, pass);
            if (entry.answer() != null) {
                fields.put("answer-" + item.id(), entry.answer().name());
            } else if (entry.value() != null) {
                fields.put("value-" + item.id(), entry.value().toPlainString());
            }
        }
        fields.put("note", pass ? "回头看：已整改到位" : "回头看：仍未整改");
        return fields;
    }

    private static String evidenceLink(String body) {
        int start = body.indexOf("/supervision/orders/evidence/");
        return body.substring(start, body.indexOf('"', start));
    }
}
