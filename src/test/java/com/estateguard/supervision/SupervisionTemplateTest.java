package com.estateguard.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Templates as versioned data over HTTP (SPV-01): a template in use is never changed (409, with the
 * reason on the page); a copy is a draft that is edited and put in use, superseding nothing else.
 */
@IntegrationTest
class SupervisionTemplateTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Inspections inspections;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTemplateInUseIsNeverChangedACopyIsEditedAndPutInUse() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        TestClient city = data.authority(estate, Role.CITY_AUTHORITY).login(port);
        long huachuan = inspections.inUse("HUACHUAN_2021").orElseThrow().value();
        TemplateItem first = inspections.items(new TemplateId(huachuan)).get(0);

        var list = city.get("/supervision/templates");
        assertThat(list.body()).contains("桦川县住宅小区物业服企业疫情防控检查考核管理评分表").contains("物业小区疫情防控检查登记表")
                .contains("致中山市各物业服务企业的一封信");

        var refused = city.postForm("/supervision/templates/" + huachuan + "/items/" + first.id(),
                Map.of("text", "改过的内容", "mode", "ALL_OR_NOTHING", "maxPoints", "3"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("已启用，不能修改").contains("请复制为新版本");
        assertThat(inspections.items(new TemplateId(huachuan)).get(0).text()).isEqualTo(first.text());

        // A new template copied from the preset: edited as a draft, then put in use.
        String code = "TEST_" + System.nanoTime();
        var copied = city.postForm("/supervision/templates/" + huachuan + "/copy", Map.of("code", code, "name", "测试评分表"));
        assertThat(copied.status()).isEqualTo(302);
        Matcher m = Pattern.compile("/supervision/templates/(\\d+)").matcher(copied.contentType());
        assertThat(m.find()).isTrue();
        long draft = Long.parseLong(m.group(1));
        TemplateItem draftFirst = inspections.items(new TemplateId(draft)).get(0);
        assertThat(city.postForm("/supervision/templates/" + draft + "/items/" + draftFirst.id(),
                Map.of("text", draftFirst.text(), "mode", "GRADED", "maxPoints", "5", "minPoints", "1")).status()).isEqualTo(302);
        assertThat(city.get("/supervision/templates/" + draft).body()).contains("满分 102 分");
        assertThat(inspections.inUse(code)).isEmpty();
        assertThat(city.postForm("/supervision/templates/" + draft + "/publish", Map.of()).status()).isEqualTo(302);
        assertThat(inspections.inUse(code)).contains(new TemplateId(draft));

        // A new version of it supersedes it when put in use.
        var version = city.postForm("/supervision/templates/" + draft + "/copy", Map.of());
        Matcher v = Pattern.compile("/supervision/templates/(\\d+)").matcher(version.contentType());
        assertThat(v.find()).isTrue();
        long second = Long.parseLong(v.group(1));
        city.postForm("/supervision/templates/" + second + "/publish", Map.of());
        assertThat(inspections.inUse(code)).contains(new TemplateId(second));
        assertThat(jdbc.sql("SELECT status FROM sup_template WHERE id = :id").param("id", draft).query(String.class).single())
                .isEqualTo("SUPERSEDED");

        // An estate's staff read templates but do not edit them.
        assertThat(estate.admin().login(port).postForm("/supervision/templates/" + second + "/copy", Map.of()).status()).isEqualTo(403);
    }
}
