package com.estateguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.ResidentsTestData;
import com.estateguard.residents.internal.Passes;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Build item 6 of issue 8: every answer carries the security headers; a page's CSP runs only the application's own script files. */
@IntegrationTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;
    @Autowired
    Passes passes;

    @Test
    void theLoginPageCarriesEverySecurityHeader() {
        HttpResponse<byte[]> login = TestClient.device(port, null).getBytes("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertPageHeaders(login.headers());
    }

    @Test
    void aSignedInPageCarriesEverySecurityHeader() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        TestClient admin = estate.admin().login(port);
        HttpResponse<byte[]> hygiene = admin.getBytes("/hygiene");
        assertThat(hygiene.statusCode()).isEqualTo(200);
        assertPageHeaders(hygiene.headers());
        HttpResponse<byte[]> residentsPage = admin.getBytes("/residents");
        assertThat(residentsPage.statusCode()).isEqualTo(200);
        assertPageHeaders(residentsPage.headers());
    }

    @Test
    void anApiErrorCarriesThemToo() {
        HttpResponse<byte[]> refused = TestClient.device(port, "eg_wrong_key").getBytes("/api/v1/checks/1");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(refused.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(refused.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
    }

    /** Chrome shows an inline PDF through an embed that object-src 'none' would block: a pass prints without the page CSP. */
    @Test
    void anInlinePdfIsFramedByNoOneButCarriesNoPageCsp() {
        var estate = data.estate(PolicyPreset.KUNSHAN_2020);
        var resident = residents.resident(estate, "2", "1", "201", "印证人");
        long pass = passes.issue(resident.id(), estate.admin().user()).id();
        HttpResponse<byte[]> pdf = estate.admin().login(port).getBytes("/passes/" + pass + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(pdf.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private static void assertPageHeaders(HttpHeaders headers) {
        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'");
        assertThat(scriptSources(csp)).doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*", "data:");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    private static String scriptSources(String csp) {
        for (String directive : csp.split(";")) {
            if (directive.trim().startsWith("script-src")) {
                return directive.trim();
            }
        }
        return csp.contains("default-src") ? csp.substring(csp.indexOf("default-src")).split(";")[0] : "";
    }
}
