package com.estateguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.dailyreport.internal.DailyReportParameters;
import com.estateguard.hygiene.internal.HygieneParameters;
import com.estateguard.org.OrgDirectory;
import com.estateguard.residents.internal.ResidentParameters;
import com.estateguard.staff.internal.StaffParameters;
import com.estateguard.supplies.internal.SupplyParameters;
import com.estateguard.policy.internal.PolicyGroups;
import com.estateguard.residents.ResidentsTestData;
import com.estateguard.residents.internal.Passes;
import com.estateguard.policy.internal.V72__PolicyValuesWhole;
import jakarta.validation.Validator;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each module's own policy group: the presets seed it, a version stores and reads it back, the
 * editor shows it with its bounds and refuses a number outside them in Chinese, and a version
 * stored in the shape before the groups (every non-checkpoint number under "ledgers") reads after the
 * migrations, with every value written into it.
 */
@IntegrationTest
class PolicyGroupTest {

    /** A version as stored before the groups: the resident numbers nested, every other module's under "ledgers". */
    static final String OLD_SHAPE = """
            {"natWindowHours":48,"temperatureLimitC":37.3,"requiredChecks":{"RESIDENT":["TEMPERATURE"]},"scanRequired":true,
             "curfewStart":null,"curfewEnd":null,"openEntranceLimit":1,"largeEstateThresholdM2":300000,"largeEstateEntranceLimit":2,
             "outsiderPolicy":"ADMIT_WITH_CHECKS","outsiderExceptions":[],"courierPolicy":"CONTACTLESS_INSIDE",
             "outsideVehiclesAllowed":true,"workersPerSite":4,"masksRequired":true,"lockdown":false,
             "refusalFollowUps":{"FEVER":["REPORT_COMMUNITY"]},"riskAreaNatDays":7,"observationDays":14%s}""";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    Policies policies;
    @Autowired
    OrgDirectory org;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Validator validator;
    @Autowired
    V72__PolicyValuesWhole policyValuesWhole;
    @Autowired
    PolicyGroups policyGroups;
    @Autowired
    JsonMapper json;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    ResidentsTestData residentsData;
    @Autowired
    Passes passes;

    CurrentUser city;
    String estatePath;

    @Autowired
    TestData data;

    TestData.Person cityUser;

    @BeforeEach
    void anEstateOfItsOwn() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        cityUser = data.authority(estate, Role.CITY_AUTHORITY);
        city = cityUser.user();
        estatePath = estate.regionPath();
    }

    @Test
    void presetsCarryEachModulesSeedFromTheSourceDocuments() {
        PolicyParameters huachuan = policies.preset(PolicyPreset.HUACHUAN_2021);
        HygieneParameters hygiene = huachuan.group(HygieneParameters.class);

        assertThat(hygiene.chlorineMinMgL()).isEqualTo(250);
        assertThat(hygiene.chlorineMaxMgL()).isEqualTo(500);
        assertThat(hygiene.liftWipeHeightM()).isEqualByComparingTo("1.8");
        assertThat(huachuan.group(DailyReportParameters.class).dailyReportDeadline()).isEqualTo(LocalTime.of(18, 0));
        assertThat(huachuan.group(SupplyParameters.class).supplyCoverDays()).isEqualTo(30);
        assertThat(huachuan.group(StaffParameters.class).staffNatIntervalDays()).isEqualTo(7);
        assertThat(policies.preset(PolicyPreset.KUNSHAN_2020).group(ResidentParameters.class).passEligibilityDays()).isEqualTo(14);
        var huachuanEstate = data.estate(PolicyPreset.HUACHUAN_2021);
        assertThat(jdbc.sql("""
                        SELECT (params->'hygiene'->>'chlorineMinMgL') || '-' || (params->'hygiene'->>'chlorineMaxMgL')
                          FROM policy_version WHERE preset_code = 'HUACHUAN_2021' AND scope_path = :p""")
                .param("p", huachuanEstate.regionPath()).query(String.class).single())
                .as("a version installed from the Huachuan preset, as stored").isEqualTo("250-500");
    }

    @ParameterizedTest
    @EnumSource(PolicyPreset.class)
    void everyPresetIsValidWithEveryGroup(PolicyPreset preset) {
        PolicyParameters parameters = policies.preset(preset);

        assertThat(parameters.groups()).containsKeys("residents", "hygiene", "supplies", "staff", "dailyreport");
        assertThat(validator.validate(parameters)).isEmpty();
        assertThat(policyGroups.missing((ObjectNode) json.readTree(policyGroups.toJson(parameters)))).as("every value").isEmpty();
        assertThat(validator.validate(parameters.withGroup(new StaffParameters(61))))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("groups[staff].staffNatIntervalDays");
    }

    @Test
    void aModulesGroupRoundTripsThroughStorage() {
        var stricter = new HygieneParameters(3, 300, 450, 600, 20, 40, new BigDecimal("2.0"));
        long id = policies.schedule(new Policies.NewVersion("更严的消毒", estatePath, "参数组测试苑", clock.instant().plus(Duration.ofDays(1)),
                policies.preset(PolicyPreset.HUACHUAN_2021).withGroup(stricter), null, "HUACHUAN_2021"), city);

        assertThat(jdbc.sql("SELECT params->'hygiene'->>'chlorineMinMgL' FROM policy_version WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("300");
        PolicyParameters read = policies.byId(new PolicyVersionId(id)).parameters();
        assertThat(read.group(HygieneParameters.class)).isEqualTo(stricter);
        assertThat(read.group(ResidentParameters.class)).isEqualTo(ResidentParameters.defaults());
    }

    @Test
    void theEditorShowsEveryModulesGroupWithItsLabelsAndBoundsAndTheVersionPageToo() {
        var page = cityUser.login(port);
        String editor = page.get("/policies/new?preset=HUACHUAN_2021").body();

        assertThat(editor).contains("消毒消杀", "含氯消毒液浓度下限", "防疫日报", "员工健康", "防疫物资", "住户与出入证")
                .contains("type=\"number\" name=\"hygiene.chlorineMinMgL\" value=\"250\" min=\"1\" max=\"10000\" step=\"1\"")
                .contains("type=\"number\" name=\"hygiene.liftWipeHeightM\" value=\"1.8\" min=\"0.5\" max=\"5.0\" step=\"0.1\"")
                .contains("type=\"time\" name=\"dailyreport.dailyReportDeadline\" value=\"18:00\"")
                .contains("name=\"residents.passEligibilityDays\" value=\"14\" min=\"1\" max=\"60\"")
                .contains("name=\"supplies.supplyCoverDays\"", "name=\"staff.staffNatIntervalDays\"");

        long id = policies.schedule(new Policies.NewVersion("看参数组", estatePath, "参数组测试苑", clock.instant().plus(Duration.ofDays(1)),
                policies.preset(PolicyPreset.HUACHUAN_2021)
                        .withGroup(new DailyReportParameters(LocalTime.of(17, 30))), null, "HUACHUAN_2021"), city);
        assertThat(page.get("/policies/" + id).body()).contains("防疫日报", "日报报送截止时间", "17:30", "含氯消毒液浓度下限");
    }

    @Test
    void theEditorRefusesAGroupsNumberOutsideItsBoundsInChinese() {
        var page = cityUser.login(port);
        page.get("/policies/new?preset=HUACHUAN_2021");
        Map<String, String> form = editorForm("氯浓度为负");
        form.put("hygiene.chlorineMinMgL", "-1");

        var response = page.postForm("/policies", form);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("“含氯消毒液浓度下限 (mg/L)”须在 1 至 10000 之间。");
        assertThat(jdbc.sql("SELECT count(*) FROM policy_version WHERE name = '氯浓度为负'").query(Long.class).single()).isZero();

        form.put("hygiene.chlorineMinMgL", "300");
        form.put("name", "氯浓度三百");
        assertThat(page.postForm("/policies", form).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT params->'hygiene'->>'chlorineMinMgL' FROM policy_version WHERE name = '氯浓度三百'")
                .query(String.class).single()).isEqualTo("300");
    }

    @Test
    void aVersionStoredInTheOldShapeReadsWholeAfterTheMigrations() {
        // Rolled back: a version lacking values in the shared table would stop every other test reading the policies.
        var tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                oldShapeMigrated();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                policies.reload();
            }
        });
        policies.reload();
    }

    private void oldShapeMigrated() throws IOException, SQLException {
        long old = storeAsBefore(OLD_SHAPE.formatted("""
                ,"residents":{"passEligibilityDays":10,"passValidityDays":20},
                 "ledgers":{"supplyCoverDays":45,"disinfectionTimesPerDay":3,"chlorineMinMgL":300,"chlorineMaxMgL":450,
                            "wasteBinChlorineMgL":600,"ventilationMinutes":20,"indoorVentilationMinutes":40,"liftWipeHeightM":2.0,
                            "dailyReportDeadline":"17:00:00","consumptionWindowDays":14,"staffNatIntervalDays":3}"""), "HUACHUAN_2021");
        long beforeTheStaffNumber = storeAsBefore(OLD_SHAPE.formatted("""
                ,"ledgers":{"supplyCoverDays":60,"dailyReportDeadline":null}"""), null);
        long beforeAnyGroup = storeAsBefore(OLD_SHAPE.formatted(""), "KUNSHAN_2020");

        jdbc.sql(new ClassPathResource("db/migration/policy/V50__policy_groups_by_owner.sql")
                .getContentAsString(StandardCharsets.UTF_8)).update();
        assertThat(policyValuesWhole.fillAll(DataSourceUtils.getConnection(dataSource))).isGreaterThanOrEqualTo(3);
        assertThat(policyValuesWhole.fillAll(DataSourceUtils.getConnection(dataSource))).as("run again").isZero();
        policies.reload();

        PolicyParameters read = policies.byId(new PolicyVersionId(old)).parameters();
        assertThat(read.natWindowHours()).isEqualTo(48);
        assertThat(read.group(ResidentParameters.class)).isEqualTo(new ResidentParameters(10, 20));
        assertThat(read.group(HygieneParameters.class)).isEqualTo(new HygieneParameters(3, 300, 450, 600, 20, 40, new BigDecimal("2.0")));
        assertThat(read.group(SupplyParameters.class)).isEqualTo(new SupplyParameters(45, 14));
        assertThat(read.group(StaffParameters.class)).isEqualTo(new StaffParameters(3));
        assertThat(read.group(DailyReportParameters.class)).isEqualTo(new DailyReportParameters(LocalTime.of(17, 0)));
        assertThat(jdbc.sql("SELECT params -> 'ledgers' IS NOT NULL FROM policy_version WHERE id = :id").param("id", old)
                .query(Boolean.class).single()).isFalse();

        PolicyParameters partial = policies.byId(new PolicyVersionId(beforeTheStaffNumber)).parameters();
        assertThat(partial.group(SupplyParameters.class)).isEqualTo(new SupplyParameters(60, 7));
        assertThat(partial.group(StaffParameters.class)).isEqualTo(StaffParameters.defaults());
        assertThat(partial.group(DailyReportParameters.class).dailyReportDeadline()).isEqualTo(LocalTime.of(18, 0));
        assertThat(jdbc.sql("SELECT params->'staff'->>'staffNatIntervalDays' FROM policy_version WHERE id = :id")
                .param("id", beforeTheStaffNumber).query(String.class).single()).as("written, not filled at read").isEqualTo("7");

        PolicyParameters bare = policies.byId(new PolicyVersionId(beforeAnyGroup)).parameters();
        assertThat(bare.group(ResidentParameters.class).passEligibilityDays()).isEqualTo(14);
        assertThat(bare.group(HygieneParameters.class)).isEqualTo(HygieneParameters.defaults());

        for (String stored : jdbc.sql("SELECT params::text FROM policy_version").query(String.class).list()) {
            assertThat(policyGroups.missing((ObjectNode) json.readTree(stored))).as(stored).isEmpty();
        }
    }

    @Test
    void theEditorRefusesAClearedFieldNamingItAndKeepsEverythingElseTyped() {
        var page = cityUser.login(port);
        page.get("/policies/new?preset=BEIJING_2022");
        Map<String, String> form = editorForm("清空了两项");
        form.put("hygiene.chlorineMinMgL", "");
        form.put("natWindowHours", " ");
        form.put("workersPerSite", "5");
        form.put("supplies.supplyCoverDays", "45");

        var response = page.postForm("/policies", form);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("请填写“含氯消毒液浓度下限 (mg/L)”：不能留空。", "请填写“核酸阴性证明时限（小时）”：不能留空。")
                .contains("value=\"清空了两项\"", "name=\"workersPerSite\" value=\"5\"", "name=\"supplies.supplyCoverDays\" value=\"45\"")
                .contains("name=\"hygiene.chlorineMinMgL\" value=\"\"")
                .doesNotContain("含氯消毒液浓度下限”须在");
        assertThat(jdbc.sql("SELECT count(*) FROM policy_version WHERE name = '清空了两项'").query(Long.class).single()).isZero();
    }

    @Test
    void aModuleReadsTheNumberTheVersionStores() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        policies.install(new Policies.NewVersion("出入证四十五天", estate.regionPath(), estate.name(), clock.instant().minusSeconds(60),
                policies.preset(PolicyPreset.BEIJING_2022).withGroup(new ResidentParameters(14, 45)), null, "BEIJING_2022"), "test");
        var resident = residentsData.resident(estate, "1", "1", "101", "秦四十五");

        var pass = passes.issue(resident.id(), estate.admin().user());

        assertThat(Duration.between(pass.issuedAt(), pass.expiresAt())).isEqualTo(Duration.ofDays(45));
    }

    @Test
    void aGroupRecordKeepsTheNumberItIsGivenAndFillsInNone() {
        assertThat(new ResidentParameters(0, 0).passValidityDays()).isZero();
        assertThat(new HygieneParameters(0, 0, 0, 0, 0, 0, null).liftWipeHeightM()).isNull();
        assertThat(new DailyReportParameters(null).dailyReportDeadline()).isNull();
        assertThat(new SupplyParameters(0, 0).supplyCoverDays()).isZero();
        assertThat(new StaffParameters(0).staffNatIntervalDays()).isZero();
        assertThat(validator.validate(policies.preset(PolicyPreset.BEIJING_2022).withGroup(new DailyReportParameters(null))))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("groups[dailyreport].dailyReportDeadline");
    }

    /** Written straight to the table, as the code before the groups wrote it, in a scope no estate is in. */
    private long storeAsBefore(String params, String presetCode) {
        return jdbc.sql("""
                        INSERT INTO policy_version (name, scope_path, scope_label, effective_from, params, preset_code, created_by)
                        VALUES ('旧格式', :scope, '旧格式', :from, cast(:params AS jsonb), :preset, 'test')
                        RETURNING id""")
                .param("from", Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .param("scope", "旧格式/" + UUID.randomUUID() + "/").param("params", params).param("preset", presetCode)
                .query(Long.class).single();
    }

    /** Every field the editor posts: the checkpoint's and each group's as the Beijing preset seeds it. */
    private Map<String, String> editorForm(String name) {
        var form = new LinkedHashMap<String, String>();
        form.put("name", name);
        form.put("scopePath", estatePath);
        form.put("effectiveFrom", clock.localNow().plusDays(3).withNano(0).toString());
        form.put("natWindowHours", "72");
        form.put("temperatureLimitC", "37.3");
        form.put("openEntranceLimit", "1");
        form.put("largeEstateThresholdM2", "300000");
        form.put("largeEstateEntranceLimit", "2");
        form.put("outsiderPolicy", "ADMIT_WITH_CHECKS");
        form.put("outsiderExceptions", "");
        form.put("courierPolicy", "KEPT_OUT_PICKUP_POINT");
        form.put("workersPerSite", "4");
        form.put("riskAreaNatDays", "7");
        form.put("observationDays", "14");
        form.put("req_RESIDENT", "TEMPERATURE");
        policies.preset(PolicyPreset.BEIJING_2022).groups().forEach((key, values) -> {
            for (var c : values.getClass().getRecordComponents()) {
                try {
                    form.put(key + "." + c.getName(), String.valueOf(c.getAccessor().invoke(values)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        return form;
    }
}
