package com.estateguard.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps {@code iam_attempt_window} small: the rows of addresses quiet for a whole window go, on one node. */
@Component
class AttemptWindows {

    private final JdbcClient jdbc;
    private final Clock clock;

    AttemptWindows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @SchedulerLock(name = "identity.attemptWindows", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    public void removeQuietOnSchedule() {
        removeQuiet();
    }

    int removeQuiet() {
        return jdbc.sql("DELETE FROM iam_attempt_window WHERE window_start <= :over")
                .param("over", Timestamp.from(clock.instant().minus(AttemptLimit.WINDOW))).update();
    }
}
