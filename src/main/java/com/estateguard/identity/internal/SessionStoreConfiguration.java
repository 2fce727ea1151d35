package com.estateguard.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so that every node sees them. Two requests of one
 * session at once (a page and its htmx refresh, or a burst) may both add the same new attribute; with
 * the default plain INSERT the second fails on the attribute's primary key and its request answers 500.
 * Spring Session's PostgreSQL customizer writes attributes as an upsert (ON CONFLICT DO UPDATE).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresSessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
