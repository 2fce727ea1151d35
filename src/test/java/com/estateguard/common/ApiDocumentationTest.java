package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document lists every status each API endpoint answers, every error with the
 * ApiProblem schema (issue 8, finding 10: it documented only "200 OK"). In the demo profile the
 * document and Swagger UI are open to anyone.
 */
@IntegrationTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;

    @Test
    void postingACheckDocumentsEveryStatusItAnswersWithTheProblemSchema() {
        JsonNode checks = docs().path("paths").path("/api/v1/checks").path("post").path("responses");

        assertThat(checks.propertyNames()).contains("200", "201", "400", "401", "403", "404", "409", "413", "429", "503");
        assertThat(checks.path("201").path("content").path("application/json").path("schema").isMissingNode()).isFalse();
        for (String error : new String[]{"400", "401", "403", "404", "409", "413", "429", "503"}) {
            assertThat(checks.path(error).path("content").path("application/problem+json").path("schema").path("$ref").asString())
                    .as(error).isEqualTo("#/components/schemas/ApiProblem");
        }
        assertThat(checks.path("503").path("headers").has("Retry-After")).isTrue();
        assertThat(checks.path("409").path("description").asString()).contains("CLIENT_ID_TAKEN");
    }

    @Test
    void everyApiEndpointDocumentsItsErrorsAsProblems() {
        JsonNode paths = docs().path("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/checks", "/api/v1/checks/group", "/api/v1/policy/current");
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            assertThat(responses.propertyNames()).as(path.getKey()).contains("401", "403", "429", "503");
            if (operation.getValue().has("requestBody")) {
                assertThat(responses.propertyNames()).as(path.getKey()).contains("400", "413");
            }
            responses.properties().stream().filter(r -> r.getKey().compareTo("400") >= 0).forEach(r ->
                    assertThat(r.getValue().path("content").path("application/problem+json").path("schema").path("$ref").asString())
                            .as(path.getKey() + " " + r.getKey()).isEqualTo("#/components/schemas/ApiProblem"));
        }));
        assertThat(paths.path("/api/v1/checks/group").path("post").path("responses").propertyNames()).contains("201");
    }

    @Test
    void theProblemSchemaNamesEveryFieldOfAnError() {
        JsonNode schemas = docs().path("components").path("schemas");

        assertThat(schemas.path("ApiProblem").path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "code", "errors");
        assertThat(schemas.path("ApiProblem").path("properties").path("errors").path("items").path("$ref").asString())
                .isEqualTo("#/components/schemas/ApiFieldError");
        assertThat(schemas.path("ApiFieldError").path("properties").propertyNames()).contains("field", "code", "message");
    }

    @Test
    void swaggerUiIsOpenInTheDemo() {
        var anonymous = TestClient.device(port, null);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private JsonNode docs() {
        var response = TestClient.device(port, null).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
