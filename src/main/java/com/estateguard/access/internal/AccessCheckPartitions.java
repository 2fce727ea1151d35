package com.estateguard.access.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Check records by month (V152, docs/SCALE.md): keeps a partition of {@code access_check} ready for last month
 * (records dated back, demo data), this month and the next {@code estateguard.access.check-months-ahead} months (UTC
 * months, as the partitions are cut), so a gate's insert always finds its month. A record that landed in the DEFAULT partition all the same (its month had none: a
 * long outage of this job, or a date far off) is moved into its own month's partition, made for it. Each month is
 * one call of {@code access_check_month_partition} (its own transaction); a month that exists is left alone, so the
 * job can run any number of times.
 */
@Component
public class AccessCheckPartitions {

    private static final Logger log = LoggerFactory.getLogger(AccessCheckPartitions.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int monthsAhead;

    AccessCheckPartitions(JdbcClient jdbc, Clock clock, @Value("${estateguard.access.check-months-ahead:3}") int monthsAhead) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.monthsAhead = monthsAhead;
    }

    @Scheduled(cron = "${estateguard.access.check-partitions-cron:0 17 3 * * *}", zone = "UTC")
    @SchedulerLock(name = "access.checkPartitions", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduled() {
        List<String> made = ensure();
        if (!made.isEmpty()) {
            log.info("access_check partitions made: {}", made);
        }
    }

    /** Makes the missing months' partitions (ahead, and those the DEFAULT partition's rows need); their names. */
    public List<String> ensure() {
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        TreeSet<LocalDate> months = new TreeSet<>();
        for (int i = -1; i <= monthsAhead; i++) {
            months.add(now.plusMonths(i).atDay(1));
        }
        months.addAll(jdbc.sql("""
                        SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date FROM access_check_default""")
                .query(LocalDate.class).list());
        List<String> made = new ArrayList<>();
        for (LocalDate month : months) {
            made.add(jdbc.sql("SELECT access_check_month_partition(?)").param(month).query((rs, n) -> rs.getString(1)).list().get(0));
        }
        return made.stream().filter(Objects::nonNull).toList();
    }
}
