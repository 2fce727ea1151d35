package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.estateguard.IntegrationTest;
import com.estateguard.RegistryProbe;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.access.CheckId;
import com.estateguard.access.CheckRefused;
import com.estateguard.org.EntranceId;
import com.estateguard.org.EstateId;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.policy.PolicyVersionId;
import com.estateguard.policy.ReasonCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event between modules is kept in the registry (table event_publication) until its listener
 * has handled it: a listener that fails leaves the publication incomplete, and it is delivered
 * again (on the next start, or when resubmitted) instead of being lost.
 */
@IntegrationTest
class EventRegistryTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    RegistryProbe probe;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;

    @Test
    void aListenerThatFailsGetsTheEventAgainInsteadOfLosingIt() {
        // A refusal for no mask calls for no follow-up under Beijing 2022, so only the probe reacts to it.
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        long policy = jdbc.sql("SELECT id FROM policy_version WHERE scope_path = :p").param("p", estate.regionPath())
                .query(Long.class).single();
        var checkId = new CheckId(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
        var refused = new CheckRefused(checkId, new EstateId(estate.id()), new EntranceId(estate.southGate()),
                new PolicyVersionId(policy), List.of(ReasonCode.NO_MASK), clock.instant(), RegistryProbe.ACTOR);
        probe.failNext(1);

        transactions.executeWithoutResult(tx -> events.publishEvent(refused));

        await().atMost(Duration.ofSeconds(10)).until(() -> waiting() == 1);
        assertThat(probe.handled()).doesNotContain(checkId);

        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof CheckRefused c && c.checkId().equals(checkId));

        await().atMost(Duration.ofSeconds(10)).until(() -> probe.handled().contains(checkId));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting() == 0);
    }

    private long waiting() {
        return jdbc.sql("""
                        SELECT count(*) FROM event_publication
                         WHERE completion_date IS NULL AND listener_id LIKE '%RegistryProbe%' AND serialized_event LIKE :probe""")
                .param("probe", "%" + RegistryProbe.ACTOR + "%").query(Long.class).single();
    }
}
