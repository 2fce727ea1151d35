package com.estateguard.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inspections over HTTP (SPV-02/03), on estates and users each test builds: scored by the sheet's
 * rules, an impossible value refused naming its item, never edited (a correction is a new record),
 * out of another street's reach, and the estate's own records beside the items.
 */
@IntegrationTest
class SupervisionInspectionTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Inspections inspections;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    record Sheet(long templateId, List<TemplateItem> items) {
        TemplateItem at(int section, int position) {
            return items.stream().filter(i -> i.sectionPosition() == section && i.position() == position).findFirst().orElseThrow();
        }
    }

    Sheet huachuan() {
        TemplateId id = inspections.inUse("HUACHUAN_2021").orElseThrow();
        return new Sheet(id.value(), inspections.items(id));
    }

    /** Full marks on every item, except the values given by item. */
    static List<Map<String, Object>> entries(Sheet sheet, Map<TemplateItem, String> values) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (TemplateItem item : sheet.items()) {
            String full = item.mode() == ScoringMode.DEDUCTION ? "0" : item.maxPoints().stripTrailingZeros().toPlainString();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("itemId", item.id());
            e.put("value", values.getOrDefault(item, full));
            entries.add(e);
        }
        return entries;
    }

    TestClient.Response submit(TestClient client, long estate, Sheet sheet, Map<TemplateItem, String> values, Long corrects) {
        Map<String, Object> body = new HashMap<>();
        body.put("templateId", sheet.templateId());
        body.put("estateId", estate);
        body.put("kind", "GROUP");
        body.put("correctsId", corrects);
        body.put("entries", entries(sheet, values));
        client.get("/supervision/inspections");   // the signed-in page's CSRF token, as the phone page's script sends it
        return client.send("POST", "/supervision/inspections", "application/json",
                json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8),
                Map.of("X-CSRF-TOKEN", client.csrfToken(), "Accept", "application/json"));
    }

    JsonNode read(TestClient.Response r) {
        return json.readTree(r.body());
    }

    @Test
    void belowThePassMarkIsUnqualifiedWithItsFailedItems() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        TestClient street = data.authority(estate, Role.STREET_AUTHORITY).login(port);
        Sheet sheet = huachuan();
        // 100 less 8 (gate staffed), 10 (gate duty, all deducted), 10 (disinfection), 5 and 5 deducted, 6 (training) = 56
        var r = submit(street, estate.id(), sheet, Map.of(sheet.at(3, 1), "0", sheet.at(3, 3), "10", sheet.at(4, 1), "0",
                sheet.at(4, 2), "5", sheet.at(4, 3), "5", sheet.at(7, 1), "0"), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode result = read(r);
        assertThat(result.get("score").decimalValue()).isEqualByComparingTo("56");
        assertThat(result.get("maxScore").decimalValue()).isEqualByComparingTo("100");
        assertThat(result.get("passMark").decimalValue()).isEqualByComparingTo("60");
        assertThat(result.get("qualified").booleanValue()).isFalse();
        List<String> failed = new ArrayList<>();
        result.get("failedItems").forEach(f -> failed.add(f.get("text").stringValue()));
        assertThat(failed).hasSize(6);
        assertThat(failed.get(0)).startsWith("出入口设24小时专职值守人员");

        long id = result.get("id").get("value").longValue();
        var page = street.get("/supervision/inspections/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("不合格").contains("56 / 100").contains("合格线 60 分").contains("未达标项（6）");
    }

    @Test
    void anImpossibleValueIsRefusedNamingTheItem() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        TestClient street = data.authority(estate, Role.STREET_AUTHORITY).login(port);
        Sheet sheet = huachuan();
        TemplateItem organisation = sheet.at(1, 1);   // 建立落实得3分，未建立落实不得分
        var r = submit(street, estate.id(), sheet, Map.of(organisation, "2", sheet.at(3, 3), "12"), null);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = read(r);
        assertThat(problem.get("code").stringValue()).isEqualTo("INVALID_ITEM_VALUES");
        assertThat(problem.get("errors").get(0).get("field").stringValue()).isEqualTo("entries[" + organisation.id() + "]");
        assertThat(problem.get("errors").get(0).get("message").stringValue()).isEqualTo("此项只能得 3 分或不得分");
        assertThat(problem.get("errors").get(1).get("message").stringValue()).contains("0 至 10 分");
        assertThat(problem.get("detail").stringValue()).contains("建立实体化运作的疫情防控组织架构");

        // The phone page answers the same in Chinese beside the item, keeping what was entered.
        Map<String, String> form = new LinkedHashMap<>();
        form.put("template", Long.toString(sheet.templateId()));
        form.put("kind", "GROUP");
        for (Map<String, Object> e : entries(sheet, Map.of(organisation, "2"))) {
            form.put("v." + e.get("itemId"), e.get("value").toString());
        }
        street.get("/supervision/inspect/" + estate.id());
        var page = street.postForm("/supervision/inspect/" + estate.id(), form);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("有 1 项填写不符合评分规则").contains("此项只能得 3 分或不得分").contains("has-error");
        assertThat(jdbc.sql("SELECT count(*) FROM sup_inspection WHERE estate_id = :e").param("e", estate.id()).query(Long.class).single())
                .as("nothing stored").isZero();
    }

    @Test
    void aSubmittedInspectionIsNeverEditedACorrectionIsANewRecord() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        TestClient street = data.authority(estate, Role.STREET_AUTHORITY).login(port);
        Sheet sheet = huachuan();
        long first = read(submit(street, estate.id(), sheet, Map.of(sheet.at(4, 1), "0"), null)).get("id").get("value").longValue();

        assertThatThrownBy(() -> jdbc.sql("UPDATE sup_inspection SET score = 100 WHERE id = :id").param("id", first).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE sup_inspection_item SET score = 10 WHERE inspection_id = :id").param("id", first).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        var corrected = submit(street, estate.id(), sheet, Map.of(), first);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        JsonNode second = read(corrected);
        long secondId = second.get("id").get("value").longValue();
        assertThat(secondId).isNotEqualTo(first);
        assertThat(second.get("corrects").get("value").longValue()).isEqualTo(first);
        assertThat(second.get("score").decimalValue()).isEqualByComparingTo("100");

        JsonNode old = read(street.send("GET", "/supervision/inspections/" + first, null, null, Map.of("Accept", "application/json")));
        assertThat(old.get("score").decimalValue()).as("the original stands as it was").isEqualByComparingTo("90");
        assertThat(old.get("correctedBy").get("value").longValue()).isEqualTo(secondId);
        assertThat(street.get("/supervision/inspections/" + first).body()).contains("此记录已被更正");

        var again = submit(street, estate.id(), sheet, Map.of(), first);
        assertThat(again.status()).isEqualTo(409);
        assertThat(read(again).get("code").stringValue()).isEqualTo("INSPECTION_ALREADY_CORRECTED");
    }

    @Test
    void anotherStreetsUserCannotReadOrInspectTheEstate() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        var elsewhere = data.estate(PolicyPreset.HUACHUAN_2021);
        TestClient street = data.authority(estate, Role.STREET_AUTHORITY).login(port);
        TestClient otherStreet = data.authority(elsewhere, Role.STREET_AUTHORITY).login(port);
        Sheet sheet = huachuan();
        long id = read(submit(street, estate.id(), sheet, Map.of(), null)).get("id").get("value").longValue();

        Function<TestClient, Integer> readIt = c -> c.send("GET", "/supervision/inspections/" + id, null, null,
                Map.of("Accept", "application/json")).status();
        assertThat(readIt.apply(otherStreet)).isEqualTo(404);
        assertThat(otherStreet.get("/supervision/inspections/" + id).status()).isEqualTo(404);
        assertThat(otherStreet.get("/supervision/inspections").body()).doesNotContain(estate.name());
        assertThat(submit(otherStreet, estate.id(), sheet, Map.of(), null).status()).isEqualTo(404);

        // The street itself and the estate's own staff see it.
        assertThat(street.get("/supervision/inspections").body()).contains(estate.name());
        TestClient admin = estate.admin().login(port);
        assertThat(readIt.apply(admin)).isEqualTo(200);
        assertThat(admin.get("/supervision/inspections").body()).contains(estate.name());
        assertThat(estate.admin().login(port).get("/supervision/inspect/" + estate.id()).status()).as("staff do not inspect").isEqualTo(403);
    }

    @Test
    void theEstatesOwnRecordsAreBesideTheItemsAndAWideGapIsFlagged() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        TestClient street = data.authority(estate, Role.STREET_AUTHORITY).login(port);
        Sheet sheet = huachuan();

        var page = street.get("/supervision/inspect/" + estate.id() + "?template=" + sheet.templateId());
        assertThat(page.status()).isEqualTo(200);
        // The test's roster: the south gate (open) staffed from a day ago; the north gate is closed.
        assertThat(page.body()).contains("近 7 天出入口排班覆盖 24 / 168 小时（14%）")
                .contains("已登记隔离观察点：" + estate.name() + " 临时观察点")
                .contains("近 7 天有体温记录的天数：0 天（0%）")
                .contains("今日尚无进入查验记录");

        // Full marks for a gate the roster staffed a seventh of the week is flagged; the other items are not.
        JsonNode result = read(submit(street, estate.id(), sheet, Map.of(), null));
        List<Long> flagged = new ArrayList<>();
        result.get("flaggedItemIds").forEach(n -> flagged.add(n.longValue()));
        assertThat(flagged).contains(sheet.at(3, 1).id(), sheet.at(3, 3).id(), sheet.at(7, 2).id())
                .doesNotContain(sheet.at(1, 3).id(), sheet.at(1, 1).id());
        long id = result.get("id").get("value").longValue();
        assertThat(street.get("/supervision/inspections/" + id).body()).contains("评分与小区台账所示差距较大");
    }
}
