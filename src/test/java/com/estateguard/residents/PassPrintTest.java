package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Passes on paper and on the page: the PDF's Chinese text reads back; issuing and revoking through the pages. */
@IntegrationTest
class PassPrintTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Passes passes;
    @Autowired
    PassPdf pdf;
    @Autowired
    ResidentRegister register;

    @Test
    void aBatchPdfHasOnePassPerHolderWithExtractableChineseTextAndAnEmbeddedFont() throws IOException {
        var admin = Fixtures.user(jdbc, "adminf");
        long estate = Fixtures.estate(jdbc, "西岸名邸");
        var first = passes.issue(resident(estate, "欧阳春"), admin);
        var second = passes.issue(resident(estate, "司马秋"), admin);
        var out = new ByteArrayOutputStream();
        pdf.write(List.of(new PassPdf.Printable(first, passes.token(first)), new PassPdf.Printable(second, passes.token(second))), out);

        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("西岸名邸 临时出入证").contains("持证人：欧阳春").contains("持证人：司马秋")
                    .contains("防疫专用章").contains("发证日期");
            var resources = doc.getPage(0).getResources();
            boolean cjkEmbedded = false;
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                cjkEmbedded |= font.getName().contains("Droid") && font.isEmbedded();
            }
            assertThat(cjkEmbedded).isTrue();
        }
    }

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
