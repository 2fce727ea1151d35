package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.internal.Passes;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Passes on the page: issuing from the register, the QR, the PDF response, revoking, and the resident's own pass. */
@IntegrationTest
class PassPrintTest {

    @LocalServerPort
    int port;
    @Autowired
    Passes passes;
    @Autowired
    ResidentRegister register;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;

    @Test
    void anAdminIssuesFromTheRegisterSeesTheQrAndRevokesOnThePage() {
        var estate = data.estate(PolicyPreset.KUNSHAN_2020);
        var admin = estate.admin().login(port);
        long person = register.add(estate.id(), new ResidentLine("7", "", "1502", "上官冬", PersonKind.TENANT, "",
                Fixtures.newIdNumber(), false, false), estate.admin().user());
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
        var estate = data.estate(PolicyPreset.KUNSHAN_2020);
        var resident = residents.resident(estate, "5", "2", "301", "陶文静");
        var phone = resident.login().login(port);
        assertThat(phone.get("/my/pass").body()).contains("no-pass");
        passes.issue(resident.id(), estate.admin().user());
        var mine = phone.get("/my/pass").body();
        assertThat(mine).contains("陶文静").contains("<svg").contains("EGP1.").doesNotContain("撤销原因").doesNotContain(".pdf");
        assertThat(phone.get("/passes").status()).isEqualTo(403);
    }
}
