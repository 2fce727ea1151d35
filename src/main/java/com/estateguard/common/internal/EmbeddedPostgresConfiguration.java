package com.estateguard.common.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The zero-install database: an embedded PostgreSQL whose data lives in a local folder, so it
 * survives restarts. Used only when no {@code spring.datasource.url} is configured; production
 * points the standard {@code spring.datasource.*} settings at a real server instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${estateguard.embedded-db.data-dir:./data/pg}") String dataDir,
                                      @Value("${estateguard.embedded-db.clean:false}") boolean clean,
                                      @Value("${estateguard.embedded-db.port:0}") int port,
                                      @Value("${estateguard.embedded-db.fsync:true}") boolean fsync,
                                      @Value("${estateguard.embedded-db.shared-buffers:128MB}") String sharedBuffers,
                                      org.springframework.core.env.Environment env) throws IOException {
        Path dir = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                // A server left running by a killed previous run would keep this one from starting.
                .setDataDirectoryCustomizer(OrphanedPostgres::stopIfAny)
                // Crash recovery replays the WAL written since the last checkpoint; zonky's 10 s is not always enough.
                .setPGStartupWait(STARTUP_WAIT)
                // Spring closes it (destroyMethod) after the beans that use it; zonky's own JVM hook would stop
                // it at the same time as Spring's, under the beans still writing while the application shuts down.
                .setRegisterShutdownHook(false)
                .setServerConfig("synchronous_commit", "on")
                // zonky turns fsync off by default; a committed check must survive a crash.
                .setServerConfig("fsync", fsync ? "on" : "off")
                .setServerConfig("max_connections", "100")
                // PostgreSQL's own cache. Its default suits the demo; a city's tables (docs/PERFORMANCE.md) want a
                // quarter of the machine's memory, as a production server would be given.
                .setServerConfig("shared_buffers", sharedBuffers);
        // Any other server setting, its name in brackets or with hyphens (Spring drops underscores from a map's keys
        // otherwise): e.g.
        // estateguard.embedded-db.settings[shared_preload_libraries]=pg_stat_statements to profile the statements.
        org.springframework.boot.context.properties.bind.Binder.get(env)
                .bind("estateguard.embedded-db.settings", org.springframework.boot.context.properties.bind.Bindable
                        .mapOf(String.class, String.class))
                .orElse(java.util.Map.of())
                .forEach((name, value) -> builder.setServerConfig(name.replace('-', '_'), value));
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg, @Value("${estateguard.embedded-db.pool-size:20}") int poolSize,
                          @Value("${estateguard.embedded-db.connection-timeout:5s}") Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(poolSize);
        // How long a request waits for a connection before it is told 503 (the database is down or busy);
        // Hikari's 30 s would leave a guard at the gate staring at a spinner.
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setPoolName("estateguard");
        return new HikariDataSource(config);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
