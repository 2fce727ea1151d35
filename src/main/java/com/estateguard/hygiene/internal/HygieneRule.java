package com.estateguard.hygiene.internal;

import com.estateguard.hygiene.internal.PlaceType.Requirement;
import java.util.List;
import java.util.Optional;

/**
 * One named check of a recorded disinfection against the requirement (HYG-01..05). A failed
 * check never changes the record: it marks it non-compliant with the reason.
 */
public enum HygieneRule {

    AGENT_ALLOWED {
        @Override
        Optional<Issue> check(Disinfection d, Requirement r) {
            return r.agents().contains(d.agent()) ? Optional.empty() : Optional.of(Issue.AGENT_NOT_ALLOWED);
        }
    },
    CHLORINE_IN_RANGE {
        @Override
        Optional<Issue> check(Disinfection d, Requirement r) {
            if (d.agent() != Agent.CHLORINE) {
                return Optional.empty();
            }
            if (d.concentrationMgL() == null) {
                return Optional.of(Issue.CONCENTRATION_MISSING);
            }
            if (d.concentrationMgL() < r.minMgL()) {
                return Optional.of(Issue.CONCENTRATION_LOW);
            }
            return d.concentrationMgL() > r.maxMgL() ? Optional.of(Issue.CONCENTRATION_HIGH) : Optional.empty();
        }
    },
    VENTILATED_LONG_ENOUGH {
        @Override
        Optional<Issue> check(Disinfection d, Requirement r) {
            return d.ventilationMinutes() < r.ventilationMinutes() ? Optional.of(Issue.VENTILATION_SHORT) : Optional.empty();
        }
    },
    WIPED_HIGH_ENOUGH {
        @Override
        Optional<Issue> check(Disinfection d, Requirement r) {
            if (r.wipeHeightM() == null) {
                return Optional.empty();
            }
            return d.wipeHeightM() == null || d.wipeHeightM().compareTo(r.wipeHeightM()) < 0
                    ? Optional.of(Issue.WIPE_TOO_LOW) : Optional.empty();
        }
    };

    abstract Optional<Issue> check(Disinfection d, Requirement r);

    /** Every issue, not only the first. */
    public static List<Issue> judge(Disinfection d, Requirement r) {
        return java.util.Arrays.stream(values()).flatMap(rule -> rule.check(d, r).stream()).toList();
    }
}
