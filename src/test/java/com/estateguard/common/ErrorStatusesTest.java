package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.policy.PolicyVersionId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;

/** Every named exception answers with the status its module gave it, as problem+json on the API. */
@IntegrationTest
class ErrorStatusesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    List<ErrorStatuses> modules;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    com.estateguard.policy.Policies policies;

    @Test
    void everyNamedExceptionIsMappedToAStatusByItsModule() throws Exception {
        Map<Class<?>, HttpStatus> statuses = new HashMap<>();
        modules.forEach(m -> statuses.putAll(m.statuses()));
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(DomainException.class));
        List<String> unmapped = new ArrayList<>();
        var found = scanner.findCandidateComponents("com.estateguard");
        for (var candidate : found) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            while (type != DomainException.class && !statuses.containsKey(type)) {
                type = type.getSuperclass();
            }
            if (type == DomainException.class) {
                unmapped.add(candidate.getBeanClassName());
            }
        }
        assertThat(found).hasSizeGreaterThan(15);
        assertThat(unmapped).isEmpty();
    }

    @Test
    void aModulesConflictOnTheApiIsProblemJsonInChinese() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        long version = jdbc.sql("SELECT id FROM policy_version WHERE scope_path = :p").param("p", estate.regionPath())
                .query(Long.class).single();
        policies.end(new PolicyVersionId(version), clock.instant().minus(1, ChronoUnit.HOURS), "test");

        // policy's NoPolicyException, answered on the checkpoint's API: nothing recorded, 409 problem+json.
        var none = estate.terminal(port).postJson("/api/v1/checks", check(UUID.randomUUID(), estate.southGate()));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.body()).contains("\"status\":409").contains("NO_POLICY").contains("该小区尚无生效的防控政策");
    }

    private String check(UUID clientId, long entrance) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"RESIDENT","personName":"冲突测试",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},"mask":true}}"""
                .formatted(clientId, entrance, clock.instant().minus(2, ChronoUnit.HOURS));
    }
}
