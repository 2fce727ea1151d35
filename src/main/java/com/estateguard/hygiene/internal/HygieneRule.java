package com.estateguard.hygiene.internal;

import com.estateguard.common.Reason;
import com.estateguard.common.Rule;
import com.estateguard.hygiene.internal.PlaceType.Requirement;
import java.util.Arrays;
import java.util.List;

/**
 * One named check of a recorded disinfection against the requirement (HYG-01..05). A failed
 * check never changes the record: it marks it non-compliant with the reason.
 */
public enum HygieneRule implements Rule<HygieneRule.Recorded, Issue> {

    AGENT_ALLOWED {
        @Override
        public List<Reason<Issue>> evaluate(Recorded c) {
            return c.requirement().agents().contains(c.disinfection().agent()) ? List.of() : issue(Issue.AGENT_NOT_ALLOWED);
        }
    },
    CHLORINE_IN_RANGE {
        @Override
        public List<Reason<Issue>> evaluate(Recorded c) {
            Disinfection d = c.disinfection();
            Requirement r = c.requirement();
            if (d.agent() != Agent.CHLORINE) {
                return List.of();
            }
            if (d.concentrationMgL() == null) {
                return issue(Issue.CONCENTRATION_MISSING);
            }
            if (d.concentrationMgL() < r.minMgL()) {
                return issue(Issue.CONCENTRATION_LOW);
            }
            return d.concentrationMgL() > r.maxMgL() ? issue(Issue.CONCENTRATION_HIGH) : List.of();
        }
    },
    VENTILATED_LONG_ENOUGH {
        @Override
        public List<Reason<Issue>> evaluate(Recorded c) {
            return c.disinfection().ventilationMinutes() < c.requirement().ventilationMinutes()
                    ? issue(Issue.VENTILATION_SHORT) : List.of();
        }
    },
    WIPED_HIGH_ENOUGH {
        @Override
        public List<Reason<Issue>> evaluate(Recorded c) {
            var required = c.requirement().wipeHeightM();
            var wiped = c.disinfection().wipeHeightM();
            if (required == null) {
                return List.of();
            }
            return wiped == null || wiped.compareTo(required) < 0 ? issue(Issue.WIPE_TOO_LOW) : List.of();
        }
    };

    /** One recorded disinfection and the requirement of its place under the policy in force. */
    public record Recorded(Disinfection disinfection, Requirement requirement) {
    }

    /** Every issue, not only the first; the record keeps their codes. */
    public static List<Issue> judge(Disinfection d, Requirement r) {
        return reasons(d, r).stream().map(Reason::code).toList();
    }

    /** Every issue with its message ({@code hyg.issue.<CODE>}). */
    public static List<Reason<Issue>> reasons(Disinfection d, Requirement r) {
        return Rule.everyReason(Arrays.asList(values()), new Recorded(d, r));
    }

    private static List<Reason<Issue>> issue(Issue issue) {
        return List.of(Reason.of(issue, "hyg.issue." + issue.name()));
    }
}
