package com.estateguard.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.org.EstateChoice;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.PolicyPreset;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The evidence chain page at city scale (issue 12): a street of a few estates is verified whole as before, without
 * choosing; a city of more estates than the estate filter lists ({@link EstateChoice#LIST_MAX}) verifies nothing until
 * an estate is chosen, searched by name; an estate outside the reader's scope is not found.
 */
@IntegrationTest
class EvidenceEstateChoiceTest {

    private static final Pattern OPTION = Pattern.compile("<option value=\"\\d+\"");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    OrgDirectory org;
    @Autowired
    JdbcClient jdbc;

    TestData.Estate estate;

    /** An estate of a city of its own with one check of today: one seal once verified. */
    @BeforeEach
    void anEstateWithOneCheck() {
        clock.setToday(10, 0);
        estate = data.estate(PolicyPreset.BEIJING_2022);
        assertThat(estate.terminal(port).postJson("/api/v1/checks", check()).status()).isEqualTo(201);
    }

    @Test
    void aStreetOfFewEstatesIsVerifiedWholeWithoutChoosing() {
        var street = data.authority(estate, Role.STREET_AUTHORITY).login(port);

        String page = street.get("/evidence").body();
        assertThat(page).contains("id=\"chain-status\">完整<").contains("已封存 1 条").doesNotContain("id=\"chain-choose\"")
                .doesNotContain("name=\"estateq\"").contains("value=\"" + estate.id() + "\"");
        assertThat(street.get("/evidence/verify.json").body()).contains("\"intact\":true").contains("\"sealed\":1");
        assertThat(estate.admin().login(port).get("/evidence").body()).contains("id=\"chain-status\">完整<").contains("已封存 1 条");
    }

    @Test
    void aCityOfManyEstatesVerifiesOnlyTheEstateChosen() {
        String tag = "证据选择" + estate.id();
        long company = org.createCompany(null, "证据选择物业" + estate.id(), "test");
        jdbc.sql("""
                        INSERT INTO org_estate (name, region_id, company_id, area_m2, region_path, company_path, created_by)
                        SELECT :tag || '花园' || n || '期', :community, :company, 1000, '', '', 'test' FROM generate_series(1, :count) n""")
                .param("tag", tag).param("community", estate.regions().community()).param("company", company)
                .param("count", EstateChoice.LIST_MAX).update();
        var city = data.authority(estate, Role.CITY_AUTHORITY).login(port);

        String page = city.get("/evidence").body();
        assertThat(page).as("nothing verified until an estate is chosen").doesNotContain("id=\"chain-status\"")
                .contains("id=\"chain-choose\"").contains("辖区共有 201 个小区").contains("name=\"estateq\"").contains("/org/estate-options");
        assertThat(OPTION.matcher(page).results().count()).as("no estate sent as an option until searched").isZero();
        var json = city.get("/evidence/verify.json");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.body()).doesNotContain("\"intact\"");

        String chosen = city.get("/evidence?estate=" + estate.id()).body();
        assertThat(chosen).contains("id=\"chain-status\">完整<").contains("已封存 1 条").contains("value=\"" + estate.id() + "\" selected");
        assertThat(city.get("/evidence/verify.json?estate=" + estate.id()).body()).contains("\"intact\":true").contains("\"sealed\":1");

        String found = city.get("/org/estate-options?estateq=" + URLEncoder.encode(tag + "花园1", StandardCharsets.UTF_8)).body();
        assertThat(found).contains(tag + "花园1期").contains(tag + "花园19期").doesNotContain(tag + "花园2期");

        var elsewhere = data.estate(PolicyPreset.BEIJING_2022);
        assertThat(city.get("/evidence?estate=" + elsewhere.id()).status()).isEqualTo(404);
        assertThat(city.get("/evidence/verify.json?estate=" + elsewhere.id()).status()).isEqualTo(404);
        assertThat(data.authority(elsewhere, Role.STREET_AUTHORITY).login(port).get("/evidence?estate=" + estate.id()).status())
                .as("a small scope's reader too").isEqualTo(404);
    }

    private String check() {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"证据选择测试",
                 "evidence":{"temperature":{"celsius":36.4,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"3号楼","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), estate.southGate(), clock.instant().minus(3, ChronoUnit.HOURS));
    }
}
