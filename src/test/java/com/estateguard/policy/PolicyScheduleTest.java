package com.estateguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.Role;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An authority copies a preset, changes a value and schedules it; it takes effect at its time, no restart. */
@IntegrationTest
class PolicyScheduleTest {

    @LocalServerPort
    int port;
    @Autowired
    Policies policies;
    @Autowired
    OrgDirectory org;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    CurrentUser city;
    String estatePath;
    long gate;

    @Autowired
    TestData data;

    TestData.Estate estate;
    TestData.Person cityUser;

    @BeforeEach
    void anEstateOfItsOwn() {
        estate = data.estate(PolicyPreset.BEIJING_2022);
        cityUser = data.authority(estate, Role.CITY_AUTHORITY);
        city = cityUser.user();
        gate = estate.southGate();
        estatePath = estate.regionPath();
    }

    @Test
    void aScheduledVersionTakesEffectAtItsTimeAndChecksRecordIt() {
        PolicyVersion estateDefault = policies.inForce(estatePath, clock.instant());
        Instant effective = clock.instant().plus(Duration.ofHours(1));
        long id = policies.schedule(new Policies.NewVersion("48 小时核酸", estatePath, "政策测试苑", effective,
                PolicyPreset.BEIJING_2022.parameters().withNatWindowHours(48), null, "BEIJING_2022"), city);

        assertThat(policies.inForce(estatePath, clock.instant()).id()).isEqualTo(estateDefault.id());
        clock.advance(Duration.ofMinutes(59));
        assertThat(policies.inForce(estatePath, clock.instant()).id()).isEqualTo(estateDefault.id());
        clock.advance(Duration.ofMinutes(1));
        PolicyVersion now = policies.inForce(estatePath, clock.instant());
        assertThat(now.id()).isEqualTo(id);
        assertThat(now.parameters().natWindowHours()).isEqualTo(48);

        var response = estate.terminal(port).postJson("/api/v1/checks", """
                {"clientId":"%s","direction":"IN","category":"RESIDENT","evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                 "healthCode":{"status":"GREEN","acquisition":"SCANNED"},"credential":{"type":"ACCESS_CARD","verified":true},
                 "nat":{"sampledAt":"%s","result":"NEGATIVE"},"mask":true}}""".formatted(UUID.randomUUID(), clock.instant().minus(Duration.ofHours(60))));
        assertThat(response.body()).contains("\"policyVersionId\":" + id).contains("NAT_EXPIRED");
    }

    @Test
    void aDistrictCannotWriteTheCitysPolicyNorAnotherDistricts() {
        CurrentUser district = data.authority(estate, Role.DISTRICT_AUTHORITY).user();
        String cityPath = org.region(new RegionId(estate.regions().city())).orElseThrow().path();
        String otherDistrict = org.region(new RegionId(data.estate(PolicyPreset.BEIJING_2022).regions().district())).orElseThrow().path();
        for (String scope : new String[]{cityPath, otherDistrict}) {
            assertThatThrownBy(() -> policies.schedule(new Policies.NewVersion("越权", scope, "x", clock.instant().plusSeconds(60),
                    PolicyPreset.KUNSHAN_2020.parameters(), null, null), district)).isInstanceOf(NotPermittedException.class);
        }
    }

    @Test
    void invalidValuesAndPastTimesAreRefused() {
        assertThatThrownBy(() -> policies.schedule(new Policies.NewVersion("坏值", estatePath, "x", clock.instant().plusSeconds(60),
                PolicyPreset.BEIJING_2022.parameters().withNatWindowHours(0), null, null), city)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> policies.schedule(new Policies.NewVersion("过去", estatePath, "x", clock.instant().minus(Duration.ofDays(1)),
                PolicyPreset.BEIJING_2022.parameters(), null, null), city)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyAVersionNotYetInEffectCanBeWithdrawn() {
        long later = policies.schedule(new Policies.NewVersion("封闭", estatePath, "x", clock.instant().plus(Duration.ofDays(1)),
                PolicyPreset.QUANZHOU_2021_EMERGENCY.parameters(), null, null), city);
        policies.withdraw(new PolicyVersionId(later), city);
        assertThat(policies.inForce(estatePath, clock.instant().plus(Duration.ofDays(2))).id()).isNotEqualTo(later);
        assertThatThrownBy(() -> policies.withdraw(new PolicyVersionId(later), city)).isInstanceOf(PolicyVersionWithdrawn.class);

        long cityDefault = policies.inForce(estatePath, clock.instant()).id();
        assertThatThrownBy(() -> policies.withdraw(new PolicyVersionId(cityDefault), city)).isInstanceOf(PolicyVersionInEffect.class);
    }

    @Test
    void withdrawingAVersionInEffectAnswers409WithTheReasonInChinese() {
        long cityDefault = policies.inForce(estatePath, clock.instant()).id();
        var page = cityUser.login(port);
        page.get("/policies/" + cityDefault);
        var refused = page.postForm("/policies/" + cityDefault + "/withdraw", java.util.Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("只有尚未生效的版本可以撤回");
    }

    @Test
    void theEditorPageSchedulesAChangedCopyOfAPreset() {
        var page = cityUser.login(port);
        assertThat(page.get("/policies/new?preset=KUNSHAN_2020").body()).contains("子女探视老人").contains("name=\"natWindowHours\"");
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("name", "页面排期测试");
        form.put("scopePath", estatePath);
        form.put("effectiveFrom", clock.localNow().plusDays(3).withNano(0).toString());
        form.put("natWindowHours", "48");
        form.put("temperatureLimitC", "37.3");
        form.put("openEntranceLimit", "1");
        form.put("largeEstateThresholdM2", "300000");
        form.put("largeEstateEntranceLimit", "2");
        form.put("outsiderPolicy", "REFUSE_EXCEPT_LISTED");
        form.put("outsiderExceptions", "子女探视老人");
        form.put("courierPolicy", "KEPT_OUT_PICKUP_POINT");
        form.put("workersPerSite", "4");
        form.put("riskAreaNatDays", "7");
        form.put("observationDays", "14");
        form.put("curfewStart", "00:00");
        form.put("curfewEnd", "06:00");
        form.put("residents.passEligibilityDays", "14");
        form.put("residents.passValidityDays", "30");
        form.put("supplies.supplyCoverDays", "45");
        form.put("evidence.retentionDays", "28");
        form.put("req_RESIDENT", "TEMPERATURE");
        // Every other value of every group as the editor shows it: a value left out is refused, not filled in.
        policies.preset(PolicyPreset.BEIJING_2022).groups().forEach((key, values) -> {
            for (var c : values.getClass().getRecordComponents()) {
                try {
                    form.putIfAbsent(key + "." + c.getName(), String.valueOf(c.getAccessor().invoke(values)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        var response = page.postForm("/policies", form);
        assertThat(response.status()).isEqualTo(302);
        var saved = jdbc.sql("SELECT params->>'natWindowHours' FROM policy_version WHERE name = '页面排期测试'").query(String.class).single();
        assertThat(saved).isEqualTo("48");
        assertThat(jdbc.sql("SELECT params->'supplies'->>'supplyCoverDays' FROM policy_version WHERE name = '页面排期测试'")
                .query(String.class).single()).isEqualTo("45");

        form.put("natWindowHours", "abc");
        form.put("name", "坏表单");
        var refused = page.postForm("/policies", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("“核酸阴性证明时限（小时）”的值无效，请重新填写。", "value=\"坏表单\"");
        assertThat(jdbc.sql("SELECT count(*) FROM policy_version WHERE name = '坏表单'").query(Long.class).single()).isZero();
    }
}
