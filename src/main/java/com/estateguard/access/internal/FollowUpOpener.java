package com.estateguard.access.internal;

import com.estateguard.access.CheckRefused;
import com.estateguard.policy.FollowUpKind;
import com.estateguard.policy.Policies;
import com.estateguard.policy.ReasonCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Opens the follow-ups a refusal calls for under the policy it was decided by (a report to the
 * community, a move to the observation point). It listens to {@link CheckRefused} just before the
 * check's transaction commits, so a refusal and its follow-ups are stored together or not at all,
 * and the recorder does not know about follow-ups.
 *
 * <p>Why not after commit through the event registry: measured with the gate benchmark, that costs
 * every refusal a second transaction (a publication row written, then deleted) and raised the
 * database's CPU per check by about 70 % (docs/PERFORMANCE.md); other modules' listeners do go through the registry.
 */
@Component
class FollowUpOpener {

    private final FollowUps followUps;
    private final Policies policies;

    FollowUpOpener(FollowUps followUps, Policies policies) {
        this.followUps = followUps;
        this.policies = policies;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(CheckRefused refused) {
        byKind(refused).forEach((kind, reasons) ->
                followUps.open(refused.checkId().value(), refused.estateId().value(), refused.occurredAt(), kind, reasons, refused.recordedBy()));
    }

    private Map<FollowUpKind, List<ReasonCode>> byKind(CheckRefused refused) {
        var parameters = policies.byId(refused.policyVersionId()).parameters();
        Map<FollowUpKind, List<ReasonCode>> byKind = new EnumMap<>(FollowUpKind.class);
        for (ReasonCode code : refused.reasons()) {
            for (FollowUpKind kind : parameters.followUpsFor(code)) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(code);
            }
        }
        return byKind;
    }
}
