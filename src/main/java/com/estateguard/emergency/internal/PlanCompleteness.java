package com.estateguard.emergency.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What an estate's emergency plan still lacks (EMG-01/02): a post without a person, no observation
 * point, no emergency access route, a contact number missing. Each gap is a message key and its argument.
 */
public final class PlanCompleteness {

    /** The facts a plan is judged on. */
    public record Facts(Set<PlanRole> staffedRoles, int observationPoints, String accessRoutes, String communityPhone,
                 String housingPhone, String healthPhone, String cdcPhone) {
    }

    /** One thing missing: a message key and what it is about (a role or a contact, else empty). */
    public record Gap(String messageKey, String about) {
        /** The message key naming what the gap is about (a post or a recipient), null when nothing. */
        public String aboutKey() {
            return about.isEmpty() ? null : messageKey.equals("emergency.gap.role") ? "emg.role." + about : "emg.recipient." + about;
        }
    }

    private PlanCompleteness() {
    }

    static List<Gap> gaps(Facts plan) {
        List<Gap> gaps = new ArrayList<>();
        Set<PlanRole> missing = EnumSet.allOf(PlanRole.class);
        missing.removeAll(plan.staffedRoles());
        missing.forEach(role -> gaps.add(new Gap("emergency.gap.role", role.name())));
        if (plan.observationPoints() == 0) {
            gaps.add(new Gap("emergency.gap.observationPoint", ""));
        }
        if (blank(plan.accessRoutes())) {
            gaps.add(new Gap("emergency.gap.accessRoutes", ""));
        }
        contact(gaps, "COMMUNITY", plan.communityPhone());
        contact(gaps, "HOUSING", plan.housingPhone());
        contact(gaps, "HEALTH", plan.healthPhone());
        contact(gaps, "CDC", plan.cdcPhone());
        return gaps;
    }

    private static void contact(List<Gap> gaps, String who, String phone) {
        if (blank(phone)) {
            gaps.add(new Gap("emergency.gap.contact", who));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
