package com.estateguard.policy.internal.web;

import com.estateguard.policy.CheckKind;
import com.estateguard.policy.CourierPolicy;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.FollowUpKind;
import com.estateguard.policy.OutsiderPolicy;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.ReasonCode;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The policy editor's form: every checkpoint parameter as a field; the category x check matrix and
 * the refusal follow-ups as checkboxes named {@code req_<CATEGORY>} and {@code fu_<REASON>}. The
 * modules' groups are fields named {@code <key>.<component>}, made and bound by {@link GroupFields}.
 */
record PolicyForm(String name, String scopePath, String effectiveFrom, Long basedOnId, String presetCode,
                  PolicyParameters parameters) {

    /** The checkpoint parameters as posted, without the groups. */
    static PolicyParameters parse(MultiValueMap<String, String> p) {
        Map<EntrantCategory, Set<CheckKind>> required = new EnumMap<>(EntrantCategory.class);
        for (EntrantCategory c : EntrantCategory.values()) {
            Set<CheckKind> kinds = EnumSet.noneOf(CheckKind.class);
            p.getOrDefault("req_" + c, List.of()).forEach(k -> kinds.add(CheckKind.valueOf(k)));
            required.put(c, kinds);
        }
        Map<ReasonCode, Set<FollowUpKind>> followUps = new EnumMap<>(ReasonCode.class);
        for (ReasonCode r : ReasonCode.values()) {
            List<String> kinds = p.getOrDefault("fu_" + r, List.of());
            if (!kinds.isEmpty()) {
                Set<FollowUpKind> set = EnumSet.noneOf(FollowUpKind.class);
                kinds.forEach(k -> set.add(FollowUpKind.valueOf(k)));
                followUps.put(r, set);
            }
        }
        List<String> exceptions = new ArrayList<>(Arrays.stream(text(p, "outsiderExceptions").split("[\\n,，;；]"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
        return new PolicyParameters(integer(p, "natWindowHours"), new BigDecimal(text(p, "temperatureLimitC")), required,
                flag(p, "scanRequired"), time(p, "curfewStart"), time(p, "curfewEnd"), integer(p, "openEntranceLimit"),
                new BigDecimal(text(p, "largeEstateThresholdM2")), integer(p, "largeEstateEntranceLimit"),
                OutsiderPolicy.valueOf(text(p, "outsiderPolicy")), exceptions, CourierPolicy.valueOf(text(p, "courierPolicy")),
                flag(p, "outsideVehiclesAllowed"), integer(p, "workersPerSite"), flag(p, "masksRequired"),
                flag(p, "lockdown"), followUps, integer(p, "riskAreaNatDays"), integer(p, "observationDays"));
    }

    private static String text(MultiValueMap<String, String> p, String key) {
        String v = p.getFirst(key);
        return v == null ? "" : v.trim();
    }

    private static int integer(MultiValueMap<String, String> p, String key) {
        return Integer.parseInt(text(p, key));
    }

    private static boolean flag(MultiValueMap<String, String> p, String key) {
        return "true".equals(text(p, key)) || "on".equals(text(p, key));
    }

    private static LocalTime time(MultiValueMap<String, String> p, String key) {
        String v = text(p, key);
        return v.isEmpty() ? null : LocalTime.parse(v);
    }
}
