package com.estateguard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application on a fresh embedded PostgreSQL (its own temporary data
 * folder) with the demo data loaded. All such tests share one context, so one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "estateguard.embedded-db.data-dir=target/test-pg/${random.uuid}",
        "estateguard.embedded-db.clean=true",
        "estateguard.embedded-db.fsync=false",
        "estateguard.demo.enabled=true",
        "estateguard.demo.health-source=true",
        "logging.level.root=WARN"})
public @interface IntegrationTest {
}
