package com.estateguard.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every number and yes/no rule of the source documents, as one value. Stored as JSON in a
 * {@code PolicyVersion}; a change is a new version, never an edit. The checkpoint's numbers are
 * fields here; every other module keeps its numbers in its own {@link PolicyGroup}, carried in
 * {@code groups} by the group's key and read typed with {@link #group(Class)}.
 *
 * @param curfewStart start of the no-entry window in local time (null: no curfew), e.g. 00:00 (002)
 * @param curfewEnd   end of that window, e.g. 06:00
 * @param groups      each registered module's group of numbers by its {@link PolicyGroup#key()}
 */
public record PolicyParameters(
        @Min(1) @Max(720) int natWindowHours,
        @NotNull @DecimalMin("36.0") @DecimalMax("39.0") BigDecimal temperatureLimitC,
        @NotNull Map<EntrantCategory, Set<CheckKind>> requiredChecks,
        boolean scanRequired,
        LocalTime curfewStart,
        LocalTime curfewEnd,
        @Min(1) @Max(20) int openEntranceLimit,
        @NotNull @DecimalMin("1") BigDecimal largeEstateThresholdM2,
        @Min(1) @Max(20) int largeEstateEntranceLimit,
        @NotNull OutsiderPolicy outsiderPolicy,
        @NotNull List<String> outsiderExceptions,
        @NotNull CourierPolicy courierPolicy,
        boolean outsideVehiclesAllowed,
        @Min(1) @Max(50) int workersPerSite,
        boolean masksRequired,
        boolean lockdown,
        @NotNull Map<ReasonCode, Set<FollowUpKind>> refusalFollowUps,
        @Min(1) @Max(60) int riskAreaNatDays,
        @Min(1) @Max(60) int observationDays,
        @NotNull Map<String, @NotNull @Valid Record> groups) {

    public PolicyParameters {
        groups = groups == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    /** The checkpoint's numbers alone; {@code Policies} adds each group's seed when the version is written. */
    public PolicyParameters(int natWindowHours, BigDecimal temperatureLimitC, Map<EntrantCategory, Set<CheckKind>> requiredChecks,
                            boolean scanRequired, LocalTime curfewStart, LocalTime curfewEnd, int openEntranceLimit,
                            BigDecimal largeEstateThresholdM2, int largeEstateEntranceLimit, OutsiderPolicy outsiderPolicy,
                            List<String> outsiderExceptions, CourierPolicy courierPolicy, boolean outsideVehiclesAllowed,
                            int workersPerSite, boolean masksRequired, boolean lockdown,
                            Map<ReasonCode, Set<FollowUpKind>> refusalFollowUps, int riskAreaNatDays, int observationDays) {
        this(natWindowHours, temperatureLimitC, requiredChecks, scanRequired, curfewStart, curfewEnd, openEntranceLimit,
                largeEstateThresholdM2, largeEstateEntranceLimit, outsiderPolicy, outsiderExceptions, courierPolicy,
                outsideVehiclesAllowed, workersPerSite, masksRequired, lockdown, refusalFollowUps, riskAreaNatDays,
                observationDays, Map.of());
    }

    public Set<CheckKind> required(EntrantCategory category) {
        return requiredChecks.getOrDefault(category, Set.of());
    }

    public boolean hasCurfew() {
        return curfewStart != null && curfewEnd != null && !curfewStart.equals(curfewEnd);
    }

    /** True when the local time falls in the curfew window, which may run past midnight. */
    public boolean inCurfew(LocalTime time) {
        if (!hasCurfew()) {
            return false;
        }
        return curfewStart.isBefore(curfewEnd)
                ? !time.isBefore(curfewStart) && time.isBefore(curfewEnd)
                : !time.isBefore(curfewStart) || time.isBefore(curfewEnd);
    }

    /** ACC-09: how many entrances this estate may keep open. */
    public int entranceLimitFor(BigDecimal estateAreaM2) {
        return estateAreaM2.compareTo(largeEstateThresholdM2) > 0 ? largeEstateEntranceLimit : openEntranceLimit;
    }

    public Set<FollowUpKind> followUpsFor(ReasonCode reason) {
        return refusalFollowUps.getOrDefault(reason, Set.of());
    }

    /** Helper for presets and tests: the same checks for every category. */
    public static Map<EntrantCategory, Set<CheckKind>> sameForAll(CheckKind... kinds) {
        Map<EntrantCategory, Set<CheckKind>> map = new EnumMap<>(EntrantCategory.class);
        for (EntrantCategory c : EntrantCategory.values()) {
            map.put(c, kinds.length == 0 ? EnumSet.noneOf(CheckKind.class) : EnumSet.copyOf(List.of(kinds)));
        }
        return map;
    }

    public PolicyParameters withLockdown(boolean on) {
        return new PolicyParameters(natWindowHours, temperatureLimitC, requiredChecks, scanRequired, curfewStart, curfewEnd,
                openEntranceLimit, largeEstateThresholdM2, largeEstateEntranceLimit, outsiderPolicy, outsiderExceptions,
                courierPolicy, outsideVehiclesAllowed, workersPerSite, masksRequired, on, refusalFollowUps,
                riskAreaNatDays, observationDays, groups);
    }

    public PolicyParameters withNatWindowHours(int hours) {
        return new PolicyParameters(hours, temperatureLimitC, requiredChecks, scanRequired, curfewStart, curfewEnd,
                openEntranceLimit, largeEstateThresholdM2, largeEstateEntranceLimit, outsiderPolicy, outsiderExceptions,
                courierPolicy, outsideVehiclesAllowed, workersPerSite, masksRequired, lockdown, refusalFollowUps,
                riskAreaNatDays, observationDays, groups);
    }

    /** A module's own numbers, the group whose record is {@code type}. */
    public <T extends Record> T group(Class<T> type) {
        return groups.values().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("No policy group " + type.getName()
                        + " in these parameters: a version read or written through Policies carries every group"));
    }

    /** The group if these parameters carry it (parameters built by hand, as rule tests do, may carry none). */
    public <T extends Record> java.util.Optional<T> findGroup(Class<T> type) {
        return groups.values().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** A copy with this group's numbers in place of the ones it had. */
    public PolicyParameters withGroup(Record values) {
        String key = groups.entrySet().stream().filter(e -> e.getValue().getClass() == values.getClass())
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("No policy group " + values.getClass().getName()
                        + " in these parameters: start from Policies.preset or a stored version"));
        Map<String, Record> changed = new LinkedHashMap<>(groups);
        changed.put(key, values);
        return withGroups(changed);
    }

    /** A copy carrying these groups in place of its own. */
    public PolicyParameters withGroups(Map<String, Record> newGroups) {
        return new PolicyParameters(natWindowHours, temperatureLimitC, requiredChecks, scanRequired, curfewStart, curfewEnd,
                openEntranceLimit, largeEstateThresholdM2, largeEstateEntranceLimit, outsiderPolicy, outsiderExceptions,
                courierPolicy, outsideVehiclesAllowed, workersPerSite, masksRequired, lockdown, refusalFollowUps,
                riskAreaNatDays, observationDays, newGroups);
    }
}
