package com.estateguard.emergency.internal.lockdown;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.policy.PolicyVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The emergency policies a lockdown may put in force: a preset whose numbers close the estate
 * (Quanzhou 2021 emergency, 004) or a version with lockdown on that the user can see (one the
 * estate, district or city wrote). Chosen as {@code preset:<NAME>} or {@code version:<id>}.
 */
@Component
class LockdownSources {

    record Source(String value, String label, PolicyParameters parameters, Long basedOnId, String presetCode) {
    }

    private final Policies policies;

    LockdownSources(Policies policies) {
        this.policies = policies;
    }

    List<Source> available(CurrentUser user) {
        List<Source> sources = new ArrayList<>();
        Arrays.stream(PolicyPreset.values()).filter(p -> p.parameters().lockdown())
                .map(p -> new Source("preset:" + p.name(), p.labelZh(), policies.preset(p), null, p.name()))
                .forEach(sources::add);
        policies.visibleTo(user).stream().filter(LockdownSources::usable)
                .map(v -> new Source("version:" + v.id(), v.name() + " (v" + v.id() + ")", v.parameters(), v.id(), v.presetCode()))
                .forEach(sources::add);
        return sources;
    }

    Source resolve(String value, CurrentUser user) {
        return available(user).stream().filter(s -> s.value().equals(value)).findFirst()
                .orElseThrow(() -> value != null && value.startsWith("version:")
                        ? new NotAnEmergencyPolicy(value.substring("version:".length()))
                        : new InvalidInputException("error.lockdown.source"));
    }

    /** A version that closes the estate, neither withdrawn nor the ended version of an earlier lockdown. */
    private static boolean usable(PolicyVersion v) {
        return v.parameters().lockdown() && v.withdrawnAt() == null && v.endedAt() == null;
    }
}
