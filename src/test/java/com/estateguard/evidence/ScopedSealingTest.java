package com.estateguard.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.evidence.internal.ChainReport;
import com.estateguard.evidence.internal.ChainVerifier;
import com.estateguard.policy.PolicyPreset;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A verification seals only what it reads (issue 12: at a city's size, sealing every pending row of every table on each
 * view of one estate's chain was a whole-table anti-join): the chosen estate's rows of the chosen days, to the instant
 * of the days' bounds in the platform's zone. The rows are written and verified inside one transaction that is rolled
 * back, so the scheduled sealer (which sees only committed rows) cannot seal them first.
 */
@IntegrationTest
class ScopedSealingTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    ChainVerifier verifier;

    @Test
    void aVerificationSealsItsEstatesDaysAndNothingElse() {
        clock.setToday(10, 0);
        LocalDate today = clock.today();
        Instant midnight = today.atStartOfDay(clock.localZone()).toInstant();
        TestData.Estate chosen = data.estate(PolicyPreset.BEIJING_2022);
        TestData.Estate other = data.estate(PolicyPreset.BEIJING_2022);

        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            long firstToday = movement(chosen, midnight);
            long laterToday = movement(chosen, clock.instant());
            long lastOfYesterday = movement(chosen, midnight.minusMillis(1));
            long othersToday = movement(other, clock.instant());

            ChainReport report = verifier.verify(new ChainVerifier.Scope(List.of(chosen.id()), today, today));

            assertThat(report.intact()).isTrue();
            assertThat(report.pending()).as("nothing of the scope left pending").isZero();
            assertThat(sealed(firstToday)).as("the day's first instant is the day's").isTrue();
            assertThat(sealed(laterToday)).isTrue();
            assertThat(sealed(lastOfYesterday)).as("the day before, a millisecond before midnight, is not verified").isFalse();
            assertThat(sealed(othersToday)).as("another estate's row is the scheduled sealer's").isFalse();

            verifier.verify(new ChainVerifier.Scope(List.of(chosen.id(), other.id()), today.minusDays(1), today));
            assertThat(sealed(lastOfYesterday)).isTrue();
            assertThat(sealed(othersToday)).isTrue();
            status.setRollbackOnly();
        });
    }

    /** A supply movement (one of the sealed kinds, its day the date of its timestamp) at that instant. */
    private long movement(TestData.Estate estate, Instant at) {
        return jdbc.sql("""
                        WITH item AS (INSERT INTO sup_item (estate_id, name, category, unit, created_by)
                                      VALUES (:estate, :name, 'MASKS', 'box', 'test') RETURNING id)
                        INSERT INTO sup_movement (item_id, estate_id, direction, quantity, occurred_at, created_by)
                        SELECT id, :estate, 'IN', 1, :at, 'test' FROM item RETURNING id""")
                .param("estate", estate.id()).param("name", "封存范围测试 " + at).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    private boolean sealed(long movement) {
        return jdbc.sql("SELECT count(*) FROM evidence_seal WHERE kind = 'SUPPLY_MOVEMENT' AND row_id = :id")
                .param("id", movement).query(Long.class).single() == 1;
    }
}
