package com.estateguard.access.internal;

import com.estateguard.access.Verdict;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.policy.FollowUpKind;
import com.estateguard.policy.ReasonCode;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks an offline gate decided on the device and queued (issue 11). When the queue is sent, the
 * server records the check as any other (the same idempotent recorder, the same client id: a check
 * sent twice is stored once) and decides again; the device's decision is kept beside the server's,
 * and when the two verdicts differ a follow-up is opened for the shift leader.
 */
@Service
public class OfflineChecks {

    private final CheckRecorder recorder;
    private final FollowUps followUps;
    private final JdbcClient jdbc;
    private final Clock clock;

    OfflineChecks(CheckRecorder recorder, FollowUps followUps, JdbcClient jdbc, Clock clock) {
        this.recorder = recorder;
        this.followUps = followUps;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What the device decided.
     *
     * @param unverified evidence it could not verify offline, e.g. HEALTH_CODE
     * @param decidedAt  when the device decided (the check's own time)
     */
    public record DeviceDecision(Verdict verdict, List<ReasonCode> reasons, List<String> unverified, Instant decidedAt) {
        public DeviceDecision {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            unverified = unverified == null ? List.of() : List.copyOf(unverified);
        }
    }

    /** A synced check: the server's outcome and whether it disagrees with the device. */
    public record Synced(CheckOutcome outcome, DeviceDecision device, boolean disagrees) {
    }

    /** The device's decision stored with a check, for the check's page. */
    public record StoredDeviceDecision(long checkId, Verdict deviceVerdict, List<ReasonCode> deviceReasons,
                                       List<String> unverified, Instant decidedAt, Instant syncedAt, String syncedBy,
                                       boolean disagrees) {
    }

    @Transactional
    public Synced sync(EntryCheckCommand command, DeviceDecision device, CurrentUser user) {
        if (device.verdict() == null || device.decidedAt() == null) {
            throw new InvalidInputException("error.offline.deviceDecision");
        }
        CheckOutcome outcome = recorder.record(command, user);
        boolean disagrees = outcome.verdict() != device.verdict();
        // The check's estate, read through its client id's row (one month's partition, not every month's).
        long estateId = jdbc.sql("SELECT estate_id FROM access_check_client WHERE check_id = :id").param("id", outcome.checkId())
                .query(Long.class).single();
        int stored = jdbc.sql("""
                        INSERT INTO access_device_decision (check_id, estate_id, check_occurred_at, device_verdict, device_reasons, unverified, decided_at,
                                                            synced_at, synced_by, disagrees)
                        VALUES (:check, :estate, :at, :verdict, :reasons, :unverified, :decided, :synced, :by, :disagrees)
                        ON CONFLICT (check_id, estate_id) DO NOTHING""")
                .param("check", outcome.checkId()).param("estate", estateId).param("at", Timestamp.from(outcome.occurredAt()))
                .param("verdict", device.verdict().name())
                .param("reasons", device.reasons().stream().map(Enum::name).toArray(String[]::new))
                .param("unverified", device.unverified().toArray(String[]::new))
                .param("decided", Timestamp.from(device.decidedAt())).param("synced", Timestamp.from(clock.instant()))
                .param("by", user.actor()).param("disagrees", disagrees).update();
        if (stored == 1 && disagrees) {
            followUps.open(outcome.checkId(), estateId, outcome.occurredAt(), FollowUpKind.DEVICE_DISAGREEMENT,
                    outcome.reasons().stream().map(CheckOutcome.ReasonView::code).toList(), user.actor());
        }
        return new Synced(outcome, device, forCheck(outcome.checkId()).map(StoredDeviceDecision::disagrees).orElse(disagrees));
    }

    /** The device's decision kept with a check, if it was decided on an offline gate. */
    @Transactional(readOnly = true)
    public Optional<StoredDeviceDecision> forCheck(long checkId) {
        return jdbc.sql("""
                        SELECT check_id, device_verdict, device_reasons, unverified, decided_at, synced_at, synced_by, disagrees
                          FROM access_device_decision WHERE check_id = :id""")
                .param("id", checkId)
                .query((rs, n) -> new StoredDeviceDecision(rs.getLong("check_id"), Verdict.valueOf(rs.getString("device_verdict")),
                        strings(rs.getArray("device_reasons")).stream().map(ReasonCode::valueOf).toList(),
                        strings(rs.getArray("unverified")), rs.getTimestamp("decided_at").toInstant(),
                        rs.getTimestamp("synced_at").toInstant(), rs.getString("synced_by"), rs.getBoolean("disagrees")))
                .optional();
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
