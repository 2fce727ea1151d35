package com.estateguard.common.internal;

import java.lang.management.ManagementFactory;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run once across nodes (issue 12 section 5): every {@code @Scheduled} method also
 * carries ShedLock's {@code @SchedulerLock}, and a node runs it only while it holds that job's row of
 * the {@code shedlock} table (V140). Times are the database's ({@code usingDbTime}), so nodes whose
 * clocks differ still agree; a node that dies mid-run lets go after the job's lockAtMostFor.
 * {@code ScheduledJobsRunOnceTest} fails for a {@code @Scheduled} method without a lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource, @Value("${estateguard.node.name:}") String nodeName) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .withLockedByValue(nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeName)
                .build());
    }
}
