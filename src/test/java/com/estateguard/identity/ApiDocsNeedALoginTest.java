package com.estateguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.ResidentsTestData;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Outside the demo profile the OpenAPI document and Swagger UI are for signed-in staff only
 * (issue 8, build item 7). The setting that opens them is on in the demo profile alone; this
 * context runs with it off, as a production start does.
 */
@IntegrationTest
@TestPropertySource(properties = "estateguard.api-docs.public=false")
class ApiDocsNeedALoginTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;

    @Test
    void anAnonymousVisitorIsSentToTheLogin() {
        var anonymous = TestClient.device(port, null);
        for (String path : new String[]{"/v3/api-docs", "/swagger-ui/index.html"}) {
            var response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(302);
            assertThat(response.contentType()).as(path).endsWith("/login");
        }
    }

    @Test
    void aSignedInStaffMemberReadsThem() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var guard = estate.guard().login(port);

        var docs = guard.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/checks").contains("ApiProblem");
        assertThat(guard.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void aResidentDoesNot() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var resident = residents.resident(estate, "1", "1", "101", "文档测试").login().login(port);

        assertThat(resident.get("/v3/api-docs").status()).isEqualTo(403);
    }

    @Test
    void onlyTheDemoProfileOpensThem() throws IOException {
        assertThat(properties("/application.properties").getProperty("estateguard.api-docs.public")).isEqualTo("false");
        assertThat(properties("/application-demo.properties").getProperty("estateguard.api-docs.public")).isEqualTo("true");
    }

    private static Properties properties(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ApiDocsNeedALoginTest.class.getResourceAsStream(resource)) {
            properties.load(in);
        }
        return properties;
    }
}
