package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.common.IdNumber;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The register page: search, adding a person, the ID checksum message, masking for the guard. */
@IntegrationTest
class ResidentPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    ResidentRegister register;
    @Autowired
    TestData data;

    @Test
    void anAdminAddsAPersonAndABadIdNumberIsRefusedWithAChineseMessage() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var admin = estate.admin().login(port);
        // The estate's register starts empty: the page offers the form, and the table comes with the first person.
        assertThat(admin.get("/residents").body()).contains("住户名册").contains("resident-form").doesNotContain("resident-table");
        String id = Fixtures.newIdNumber();
        Map<String, String> form = Map.of("estateId", String.valueOf(estate.id()), "building", "12", "unit", "1", "room", "601",
                "name", "郑新住", "kind", "TENANT", "phone", "13700001111", "idNumber", id);

        var added = admin.postForm("/residents", form);
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        var found = admin.get("/residents?q=" + java.net.URLEncoder.encode("郑新住", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.body()).contains("resident-table").contains("郑新住").contains(id.substring(0, 4) + "**********").doesNotContain(id);

        var bad = admin.postForm("/residents", Map.of("estateId", String.valueOf(estate.id()), "building", "12", "room", "602",
                "name", "错号", "kind", "OWNER", "phone", "", "idNumber", "110105198001011234"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("身份证号无效");
        var again = admin.postForm("/residents", form);
        assertThat(again.body()).contains("该小区已登记此身份证号");
    }

    @Test
    void aGuardSeesMaskedNumbersOnlyAndCannotWrite() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        String id = Fixtures.newIdNumber();
        long someone = register.add(estate.id(), new ResidentLine("3", "1", "201", "冯守门", PersonKind.OWNER, "", id, false, false),
                estate.admin().user());
        var guard = estate.guard().login(port);
        var page = guard.get("/residents");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("冯守门").contains(IdNumber.mask(id)).doesNotContain(id).doesNotContain("resident-form");
        assertThat(guard.postForm("/residents", Map.of("estateId", String.valueOf(estate.id()), "name", "x")).status()).isEqualTo(403);
        assertThat(guard.get("/residents/" + someone + "/id-number").status()).isEqualTo(403);

        var other = data.estate(PolicyPreset.BEIJING_2022);
        register.add(other.id(), new ResidentLine("1", "1", "101", "别处人", PersonKind.OWNER, "", Fixtures.newIdNumber(), false, false),
                other.admin().user());
        var elsewhere = other.admin().login(port).get("/residents?q=").body();
        assertThat(elsewhere).contains("别处人").doesNotContain(estate.name()).doesNotContain("冯守门");
    }
}
