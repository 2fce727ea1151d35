package com.estateguard.access.internal;

import com.estateguard.access.CheckRefused;
import com.estateguard.policy.FollowUpKind;
import com.estateguard.policy.Policies;
import com.estateguard.policy.ReasonCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens the follow-ups a refusal calls for under the policy it was decided by (a report to the
 * community, a move to the observation point), after the check is committed. Handled through the
 * event registry, so a failure is retried; a retry never opens a follow-up twice.
 */
@Component
class FollowUpOpener {

    private final FollowUps followUps;
    private final Policies policies;

    FollowUpOpener(FollowUps followUps, Policies policies) {
        this.followUps = followUps;
        this.policies = policies;
    }

    @ApplicationModuleListener
    void on(CheckRefused refused) {
        var already = followUps.forCheck(refused.checkId().value()).stream().map(FollowUps.FollowUpView::kind).toList();
        byKind(refused).forEach((kind, reasons) -> {
            if (!already.contains(kind)) {
                followUps.open(refused.checkId().value(), refused.estateId().value(), kind, reasons, refused.recordedBy());
            }
        });
    }

    private Map<FollowUpKind, List<ReasonCode>> byKind(CheckRefused refused) {
        var parameters = policies.byId(refused.policyVersionId().value()).parameters();
        Map<FollowUpKind, List<ReasonCode>> byKind = new EnumMap<>(FollowUpKind.class);
        for (ReasonCode code : refused.reasons()) {
            for (FollowUpKind kind : parameters.followUpsFor(code)) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(code);
            }
        }
        return byKind;
    }
}
