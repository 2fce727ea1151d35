package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.InvalidInputException;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.internal.Passes;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Special groups (RES-04) and home isolation (RES-05) through the pages; isolation blocks a pass. */
@IntegrationTest
class CareTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ResidentRegister register;
    @Autowired
    Passes passes;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;

    @Test
    void anElderlyPersonWithoutASmartphoneGetsAContactAndIsFlaggedForTheGate() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var me = estate.admin().user();
        long person = register.add(estate.id(), new ResidentLine("2", "1", "102", "孤老人", PersonKind.OWNER, "",
                Fixtures.newIdNumber(), false, false), me);
        var admin = estate.admin().login(port);
        admin.get("/care/people/" + person);
        assertThat(admin.postForm("/care/people/" + person + "/groups", Map.of("group", "NO_SMARTPHONE", "staffContact", "网格员 李梅"))
                .status()).isEqualTo(302);
        assertThat(admin.postForm("/care/people/" + person + "/contacts", Map.of("note", "电话问候，需代购药品")).status()).isEqualTo(302);

        assertThat(register.byId(person, me).noSmartphone()).isTrue();
        assertThat(admin.get("/care").body()).contains("孤老人").contains("网格员 李梅").contains("无智能手机");
        assertThat(admin.get("/care/people/" + person).body()).contains("电话问候，需代购药品");
    }

    @Test
    void homeIsolationIsMonitoredDailyAndKeepsThePassBack() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var me = estate.admin().user();
        long person = register.add(estate.id(), new ResidentLine("2", "1", "103", "隔离者", PersonKind.TENANT, "",
                Fixtures.newIdNumber(), false, false), me);
        LocalDate today = clock.today();
        var admin = estate.admin().login(port);
        admin.get("/care/people/" + person);
        assertThat(admin.postForm("/care/people/" + person + "/isolation", Map.of("startsOn", today.minusDays(1).toString(),
                "endsOn", today.plusDays(12).toString(), "reason", "密接")).status()).isEqualTo(302);
        long isolation = jdbc.sql("SELECT id FROM res_isolation WHERE person_id = :p").param("p", person).query(Long.class).single();
        assertThat(admin.postForm("/care/isolations/" + isolation + "/checks", Map.of("temperature", "36.4", "wasteCollected", "true"))
                .status()).isEqualTo(302);
        assertThat(admin.postForm("/care/isolations/" + isolation + "/checks", Map.of("temperature", "36.4")).status()).isEqualTo(400);
        assertThat(admin.get("/care").body()).contains("隔离者").contains("已监测 1 天");

        assertThatThrownBy(() -> passes.issue(person, me)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("pass.refused.isolated");
    }
}
