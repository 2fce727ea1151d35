package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.PlaceClosed;
import com.estateguard.org.EstateId;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.supervision.InspectionKind;
import com.estateguard.supervision.InspectionSubmitted;
import com.estateguard.supervision.OrderTestData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With several nodes, a node that starts re-sends the publications still incomplete in the registry
 * ({@code republish-outstanding-events-on-restart}), including one another node is handling at that moment
 * (docs/SCALE.md). Every listener that goes through the registry must therefore take a second delivery of the same
 * event without a second effect. Each is delivered twice here, the second time after the first has completed.
 */
@IntegrationTest
class EventRedeliveryTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    OrderTestData inspections;

    /** Published in its own transaction (the registry row is written with it), then waited for until handled. */
    private void deliverTwice(Object event, String listener) {
        for (int i = 0; i < 2; i++) {
            transactions.executeWithoutResult(tx -> events.publishEvent(event));
            await().atMost(Duration.ofSeconds(20)).until(() -> incomplete(listener) == 0);
        }
    }

    private long incomplete(String listener) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE :l")
                .param("l", "%" + listener + "%").query(Long.class).single();
    }

    @Test
    void aClosedPlaceDeliveredTwiceGetsOneTerminalDisinfectionTask() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        long closedPlace = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        var closed = new PlaceClosed(closedPlace, new IncidentId(closedPlace), new EstateId(estate.id()), null,
                "重投测试：3号楼电梯", false, clock.instant());

        deliverTwice(closed, "TerminalDisinfection");

        assertThat(jdbc.sql("SELECT count(*) FROM hyg_terminal_task WHERE closed_place_id = :c").param("c", closedPlace)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedInspectionDeliveredAgainKeepsItsOneOrderAndItsItems() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        var street = data.authority(estate, Role.STREET_AUTHORITY).user();
        var inspection = inspections.unqualified(estate.id(), street);
        long order = inspections.orderOf(inspection);   // the first delivery, by the submission itself
        long items = jdbc.sql("SELECT count(*) FROM sup_order_item WHERE order_id = :o").param("o", order).query(Long.class).single();
        assertThat(items).isPositive();
        List<Long> failed = jdbc.sql("SELECT item_id FROM sup_order_item WHERE order_id = :o").param("o", order).query(Long.class).list();
        var again = new InspectionSubmitted(inspection, new EstateId(estate.id()), null, null, InspectionKind.GROUP,
                new BigDecimal("50"), false, failed, clock.instant(), null, null);

        deliverTwice(again, "OrderIssuer");

        assertThat(jdbc.sql("SELECT count(*) FROM sup_rectification_order WHERE inspection_id = :i").param("i", inspection.value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM sup_order_item WHERE order_id = :o").param("o", order).query(Long.class).single())
                .isEqualTo(items);
    }
}
