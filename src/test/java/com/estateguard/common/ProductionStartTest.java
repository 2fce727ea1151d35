package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.healthdata.HealthSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A start outside demo mode, as {@code java -jar} with the two secrets set: the application comes up
 * empty and clean. No demo organisation, no demo users (whose password is in the README), no demo
 * terminal key and no demo health source that would invent a health code or a NAT result.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "estateguard.embedded-db.data-dir=target/test-pg/${random.uuid}",
        "estateguard.embedded-db.clean=true",
        "estateguard.embedded-db.fsync=false",
        "logging.level.root=WARN",
        "estateguard.person-key-secret=9d4f1c7a2b8e6f30a5c1d7e9b2f4a6c8e0d2f4b6a8c0e2d4",
        "estateguard.crypto.id-key=3e5a7c9b1d2f4e6a8c0b2d4f6e8a0c2b4d6f8e0a2c4b6d8f"})
class ProductionStartTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @Test
    void withSecretsAndWithoutTheDemoProfileTheApplicationStartsWithNoDemoAnything() {
        assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain("demo");
        assertThat(count("iam_user")).as("users (no demo logins)").isZero();
        assertThat(count("iam_device_key")).as("terminal keys (no demo key)").isZero();
        assertThat(count("org_estate")).as("estates (no demo estates)").isZero();
        assertThat(count("policy_version")).as("policy versions (none until an authority writes one)").isZero();
        Map<String, HealthSource> sources = context.getBeansOfType(HealthSource.class);
        assertThat(sources.values()).as("health sources").noneMatch(HealthSource::demo);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
