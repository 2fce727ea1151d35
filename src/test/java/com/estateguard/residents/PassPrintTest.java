package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.residents.internal.Passes;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Passes on the page: issuing from the register, the QR, the PDF response, revoking, and the resident's own pass. */
@IntegrationTest
class PassPrintTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Passes passes;
    @Autowired
    ResidentRegister register;

    @Test
    void anAdminIssuesFromTheRegisterSeesTheQrAndRevokesOnThePage() {
        var admin = TestClient.person(port, "adminf", "demo1234");
        long person = resident(Fixtures.estate(jdbc, "西岸名邸"), "上官冬");
        admin.get("/residents");
        var issued = admin.postForm("/residents/" + person + "/pass", Map.of());
        assertThat(issued.status()).isEqualTo(302);
        String location = java.net.URI.create(issued.contentType()).getPath();
        var page = admin.get(location);
        assertThat(page.body()).contains("上官冬").contains("<svg").contains("EGP1.");

        var pdfResponse = admin.get(location + ".pdf");
        assertThat(pdfResponse.status()).isEqualTo(200);
        assertThat(pdfResponse.contentType()).startsWith("application/pdf");

        var again = admin.postForm("/residents/" + person + "/pass", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("一人一证");
        admin.get(location);
        assertThat(admin.postForm(location + "/revoke", Map.of("reason", "租约到期")).status()).isEqualTo(302);
        assertThat(admin.get(location).body()).contains("已撤销：租约到期");
    }

    @Test
    void aResidentSeesTheirOwnPassOnThePhoneOnceIssued() {
        var resident = TestClient.person(port, "residentf", "demo1234");
        assertThat(resident.get("/my/pass").body()).contains("no-pass");
        long person = jdbc.sql("SELECT id FROM res_person WHERE username = 'residentf'").query(Long.class).single();
        passes.issue(person, Fixtures.user(jdbc, "adminf"));
        var mine = resident.get("/my/pass").body();
        assertThat(mine).contains("陶文静").contains("<svg").contains("EGP1.").doesNotContain("撤销原因").doesNotContain(".pdf");
        assertThat(resident.get("/passes").status()).isEqualTo(403);
    }

    private long resident(long estate, String name) {
        return register.add(estate, new ResidentLine("7", "", "1502", name, PersonKind.TENANT, "", Fixtures.newIdNumber(),
                false, false), Fixtures.user(jdbc, "adminf"));
    }
}
