package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a terminal vendor branches on (issue 8, finding 10): every API error is problem+json with
 * a stable {@code code}, field errors are listed as {field, code, message}, bad JSON of every kind
 * is a 400 (never a 500), and the text follows Accept-Language, Chinese by default.
 */
@IntegrationTest
class ApiErrorFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    TestData.Estate estate;
    TestClient terminal;

    @BeforeEach
    void anEstateWithATerminal() {
        estate = data.estate(PolicyPreset.BEIJING_2022);
        terminal = estate.terminal(port);
    }

    @Test
    void anImplausibleTemperatureIsAFieldErrorWithItsPathAndCode() {
        JsonNode problem = post(check(UUID.randomUUID(), "20.0"), null, 400);

        assertThat(problem.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/checks");
        JsonNode error = problem.path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("evidence.temperature.celsius");
        assertThat(error.path("code").asString()).isEqualTo("DECIMAL_MIN");
        assertThat(error.path("message").asString()).isNotBlank();
    }

    @Test
    void missingFieldsAreEachListed() {
        JsonNode problem = post("{\"clientId\":\"" + UUID.randomUUID() + "\",\"evidence\":{}}", null, 400);

        assertThat(problem.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString() + ":" + e.path("code").asString()))
                .contains("direction:NOT_NULL", "category:NOT_NULL");
    }

    @Test
    void theLanguageFollowsAcceptLanguageChineseByDefault() {
        String body = check(UUID.randomUUID(), "36.5").replace("\"COURIER\"", "\"ALIEN\"");

        JsonNode chinese = post(body, null, 400);
        JsonNode english = post(body, "en-US,en;q=0.9", 400);
        JsonNode unsupported = post(body, "fr-FR", 400);

        assertThat(chinese.path("detail").asString()).startsWith("输入有误");
        assertThat(english.path("detail").asString()).startsWith("Some input is not valid");
        assertThat(unsupported.path("detail").asString()).startsWith("输入有误");
        JsonNode error = english.path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("category");
        assertThat(error.path("code").asString()).isEqualTo("UNKNOWN_VALUE");
        assertThat(error.path("message").asString()).contains("not one of the allowed values").contains("COURIER");
    }

    @Test
    void everyKindOfUnreadableBodyIsA400WithItsOwnCodeAndNothingIsStored() {
        UUID clientId = UUID.randomUUID();
        String valid = check(clientId, "36.5");
        assertThat(post(valid.substring(0, valid.length() / 2), null, 400).path("code").asString()).isEqualTo("MALFORMED_JSON");
        assertThat(post(valid.replace("{\"clientId\"", "{\"category\":\"VISITOR\",\"clientId\""), null, 400).path("code").asString())
                .isEqualTo("DUPLICATE_KEY");
        assertThat(post(valid.replace("\"personName\":\"测试骑手\"", "\"personName\":\"测试骑手\",\"extra\":" + "[".repeat(5000) + "]".repeat(5000)), null, 400)
                .path("code").asString()).isEqualTo("JSON_TOO_COMPLEX");
        assertThat(fieldCode(post(valid.replace("\"entranceId\":" + estate.southGate(), "\"entranceId\":1" + "0".repeat(30)), null, 400)))
                .isEqualTo("entranceId:OUT_OF_RANGE");
        assertThat(fieldCode(post(valid.replace("\"celsius\":36.5", "\"celsius\":{\"value\":36.5}"), null, 400)))
                .isEqualTo("evidence.temperature.celsius:WRONG_TYPE");
        assertThat(fieldCode(post(valid.replace("\"personName\":\"测试骑手\"", "\"personName\":\"测试\\u0000骑手\""), null, 400)))
                .isEqualTo("personName:INVALID_CHARACTERS");
        assertThat(fieldCode(post(valid.replace("\"personName\":\"测试骑手\"", "\"personName\":\"测试\\ud800骑手\""), null, 400)))
                .isEqualTo("personName:INVALID_CHARACTERS");
        assertThat(jdbc.sql("SELECT count(*) FROM access_check WHERE client_id = :c").param("c", clientId).query(Long.class).single())
                .isZero();
    }

    /**
     * Client ids are unique per estate (V143; the insert is not preceded by a global read): the same id from another
     * estate's terminal is that estate's record, and each terminal's retry is answered with its own, never the other's.
     */
    @Test
    void aClientIdUsedByAnotherEstatesTerminalIsARecordOfItsOwnAndEachRetryGetsItsOwn() {
        UUID clientId = UUID.randomUUID();
        var other = data.estate(PolicyPreset.BEIJING_2022);
        String theirs = check(clientId, "36.5").replace("\"entranceId\":" + estate.southGate(), "\"entranceId\":" + other.southGate());
        var otherFirst = other.terminal(port).postJson("/api/v1/checks", theirs);
        assertThat(otherFirst.status()).isEqualTo(201);

        var first = terminal.postJson("/api/v1/checks", check(clientId, "36.5"));
        var retry = terminal.postJson("/api/v1/checks", check(clientId, "36.5"));
        var otherRetry = other.terminal(port).postJson("/api/v1/checks", theirs);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(otherRetry.status()).isEqualTo(200);
        long ours = JSON.readTree(first.body()).path("checkId").asLong();
        assertThat(JSON.readTree(retry.body()).path("checkId").asLong()).isEqualTo(ours);
        assertThat(JSON.readTree(otherRetry.body()).path("checkId").asLong())
                .isEqualTo(JSON.readTree(otherFirst.body()).path("checkId").asLong()).isNotEqualTo(ours);
        assertThat(jdbc.sql("SELECT estate_id FROM access_check WHERE id = :id").param("id", ours).query(Long.class).single())
                .isEqualTo(estate.id());
    }

    @Test
    void securityAndBodyLimitAnswersCarryCodesToo() {
        var anonymous = TestClient.device(port, null).send("POST", "/api/v1/checks", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), Map.of("Accept-Language", "en"));
        assertThat(anonymous.status()).isEqualTo(401);
        JsonNode unauthenticated = JSON.readTree(anonymous.body());
        assertThat(unauthenticated.path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(unauthenticated.path("detail").asString()).contains("API key");

        var oversized = terminal.send("POST", "/api/v1/checks", "application/json",
                ("{\"personName\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.contentType()).startsWith("application/problem+json");
        JsonNode tooLarge = JSON.readTree(oversized.body());
        assertThat(tooLarge.path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(tooLarge.path("detail").asString()).isEqualTo("请求体过大。");
    }

    @Test
    void aParameterTomcatCannotParseIsABadParameterNotAServerError() {
        // Found by BadInputFuzzTest: "?=x" (a parameter without a name) answered 500 or Tomcat's own HTML page.
        var response = terminal.send("GET", "/api/v1/policy/current?=x", null, null, Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("BAD_PARAMETER");

        var guard = estate.guard().login(port);
        assertThat(guard.get("/checks?=x").status()).isEqualTo(400);
    }

    @Test
    void anUnknownEntranceIsNotFoundWithItsCode() {
        JsonNode problem = post(check(UUID.randomUUID(), "36.5").replace("\"entranceId\":" + estate.southGate(), "\"entranceId\":999999999"),
                null, 404, 403);
        assertThat(problem.path("code").asString()).isIn("NOT_FOUND", "NOT_PERMITTED");
    }

    private static String fieldCode(JsonNode problem) {
        assertThat(problem.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        JsonNode error = problem.path("errors").get(0);
        return error.path("field").asString() + ":" + error.path("code").asString();
    }

    private JsonNode post(String body, String language, int... statuses) {
        var response = terminal.send("POST", "/api/v1/checks", "application/json", body.getBytes(StandardCharsets.UTF_8),
                language == null ? Map.of() : Map.of("Accept-Language", language));
        assertThat(response.status()).as(response.body()).isIn((Object[]) java.util.Arrays.stream(statuses).boxed().toArray(Integer[]::new));
        assertThat(response.contentType()).startsWith("application/problem+json");
        return JSON.readTree(response.body());
    }

    private String check(UUID clientId, String celsius) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"COURIER","personName":"测试骑手",
                 "evidence":{"temperature":{"celsius":%s,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},"mask":true}}"""
                .formatted(clientId, estate.southGate(), celsius, clock.instant().minus(5, ChronoUnit.HOURS));
    }
}
