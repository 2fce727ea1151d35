package com.estateguard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on a fresh embedded PostgreSQL (its own temporary data
 * folder) in demo mode (the {@code demo} profile: demo data, the demo health source, dev-only
 * secrets). All such tests share one context, so one database, and one
 * {@link TestClock}, which is back on the suite's timeline after every test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "estateguard.embedded-db.data-dir=target/test-pg/${random.uuid}",
        "estateguard.embedded-db.clean=true",
        "estateguard.embedded-db.fsync=false",
        "logging.level.root=WARN",
        // Believe X-Forwarded-For from loopback, so each TestClient is a client address of its own.
        "server.forward-headers-strategy=native"})
@ActiveProfiles("demo")
@Import({TestClock.Setup.class, RegistryProbe.class})
@ExtendWith(TestClock.ResetAfterEach.class)
public @interface IntegrationTest {
}
