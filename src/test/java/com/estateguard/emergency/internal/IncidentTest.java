package com.estateguard.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.common.InvalidInputException;
import com.estateguard.emergency.CaseSource;
import com.estateguard.emergency.IncidentEnded;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.IncidentOpened;
import com.estateguard.emergency.IncidentStatus;
import com.estateguard.org.EstateId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** EMG-03/11: the incident's own guards: a name, no future onset, no end without the CDC, no second end. */
class IncidentTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    private static Incident opened() {
        return Incident.open(7, new EstateId(3), false, IncidentKind.SUSPECTED,
                new Incident.CasePerson("张三", null, null, null, CaseSource.NEW, null), NOW.minus(Duration.ofHours(2)), null, null,
                "admin", NOW);
    }

    @Test
    void openingIsAnnouncedAndAnOnsetInTheFutureIsRefused() {
        assertThat(opened().pendingEvents()).hasOnlyElementsOfType(IncidentOpened.class).hasSize(1);
        assertThatThrownBy(() -> Incident.open(8, new EstateId(3), false, IncidentKind.SUSPECTED,
                new Incident.CasePerson("张三", null, null, null, CaseSource.NEW, null), NOW.plusSeconds(600), null, null, "admin", NOW))
                .isInstanceOf(TimeInTheFuture.class);
        assertThatThrownBy(() -> Incident.open(9, new EstateId(3), false, IncidentKind.SUSPECTED,
                new Incident.CasePerson(" ", null, null, null, CaseSource.NEW, null), null, null, null, "admin", NOW))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theEndIsRefusedUntilTheCdcHasAssessedAndHappensOnce() {
        Incident incident = opened();
        assertThatThrownBy(() -> incident.end("admin", NOW)).isInstanceOf(EndWithoutCdcAssessment.class);
        assertThat(incident.status()).isEqualTo(IncidentStatus.OPEN);

        incident.recordCdcAssessment("区疾控中心 陈医生", "评估合格", "admin", NOW.plusSeconds(60));
        incident.end("admin", NOW.plusSeconds(120));
        assertThat(incident.status()).isEqualTo(IncidentStatus.ENDED);
        assertThat(incident.pendingEvents()).filteredOn(IncidentEnded.class::isInstance).hasSize(1);
        assertThatThrownBy(() -> incident.end("admin", NOW.plusSeconds(180))).isInstanceOf(IncidentAlreadyEnded.class);
    }
}
