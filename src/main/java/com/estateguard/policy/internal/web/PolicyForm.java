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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * The policy editor's form: every checkpoint parameter as a field; the category x check matrix and
 * the refusal follow-ups as checkboxes named {@code req_<CATEGORY>} and {@code fu_<REASON>}. The
 * modules' groups are fields named {@code <key>.<component>}, made and bound by {@link GroupFields}.
 * The values are kept as text, so a refused form is shown again with what the user typed, each
 * problem under its field ({@code errors}, by field name).
 */
record PolicyForm(String name, String scopePath, String effectiveFrom, Long basedOnId, String presetCode,
                  Map<String, String> values, Map<EntrantCategory, Set<CheckKind>> required,
                  Map<ReasonCode, Set<FollowUpKind>> followUps, Map<String, String> errors) {

    static final List<String> WHOLE_NUMBERS = List.of("natWindowHours", "openEntranceLimit", "largeEstateEntranceLimit",
            "workersPerSite", "riskAreaNatDays", "observationDays");
    static final List<String> DECIMALS = List.of("temperatureLimitC", "largeEstateThresholdM2");
    static final List<String> FLAGS = List.of("scanRequired", "masksRequired", "outsideVehiclesAllowed", "lockdown");

    /** A version's values in the editor, as a copy to change. */
    static PolicyForm of(String name, String scopePath, String effectiveFrom, Long basedOnId, String presetCode,
                         PolicyParameters p) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("natWindowHours", String.valueOf(p.natWindowHours()));
        values.put("temperatureLimitC", p.temperatureLimitC().toPlainString());
        values.put("curfewStart", p.curfewStart() == null ? "" : p.curfewStart().toString());
        values.put("curfewEnd", p.curfewEnd() == null ? "" : p.curfewEnd().toString());
        values.put("openEntranceLimit", String.valueOf(p.openEntranceLimit()));
        values.put("largeEstateThresholdM2", p.largeEstateThresholdM2().toPlainString());
        values.put("largeEstateEntranceLimit", String.valueOf(p.largeEstateEntranceLimit()));
        values.put("outsiderPolicy", p.outsiderPolicy().name());
        values.put("outsiderExceptions", String.join("\n", p.outsiderExceptions()));
        values.put("courierPolicy", p.courierPolicy().name());
        values.put("workersPerSite", String.valueOf(p.workersPerSite()));
        values.put("riskAreaNatDays", String.valueOf(p.riskAreaNatDays()));
        values.put("observationDays", String.valueOf(p.observationDays()));
        values.put("scanRequired", String.valueOf(p.scanRequired()));
        values.put("masksRequired", String.valueOf(p.masksRequired()));
        values.put("outsideVehiclesAllowed", String.valueOf(p.outsideVehiclesAllowed()));
        values.put("lockdown", String.valueOf(p.lockdown()));
        Map<EntrantCategory, Set<CheckKind>> required = new EnumMap<>(EntrantCategory.class);
        Arrays.stream(EntrantCategory.values()).forEach(c -> required.put(c, p.required(c)));
        Map<ReasonCode, Set<FollowUpKind>> followUps = new EnumMap<>(ReasonCode.class);
        Arrays.stream(ReasonCode.values()).forEach(r -> followUps.put(r, p.followUpsFor(r)));
        return new PolicyForm(name, scopePath, effectiveFrom, basedOnId, presetCode, values, required, followUps, Map.of());
    }

    /** The form as posted, with the problems found in it, to be shown again. */
    static PolicyForm posted(MultiValueMap<String, String> p, Map<String, String> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : List.of("natWindowHours", "temperatureLimitC", "curfewStart", "curfewEnd", "openEntranceLimit",
                "largeEstateThresholdM2", "largeEstateEntranceLimit", "outsiderPolicy", "outsiderExceptions",
                "courierPolicy", "workersPerSite", "riskAreaNatDays", "observationDays")) {
            values.put(key, raw(p, key));
        }
        FLAGS.forEach(f -> values.put(f, String.valueOf(flag(p, f))));
        String basedOn = raw(p, "basedOnId");
        return new PolicyForm(raw(p, "name"), raw(p, "scopePath"), raw(p, "effectiveFrom"),
                basedOn.matches("\\d{1,18}") ? Long.valueOf(basedOn) : null, raw(p, "presetCode"), values,
                required(p), followUps(p), errors);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean flag(String field) {
        return "true".equals(values.get(field));
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean requires(EntrantCategory category, CheckKind kind) {
        return required.getOrDefault(category, Set.of()).contains(kind);
    }

    public boolean followsUp(ReasonCode reason, FollowUpKind kind) {
        return followUps.getOrDefault(reason, Set.of()).contains(kind);
    }

    /**
     * The checkpoint parameters as posted, without the groups; null when a value is empty or not of
     * its type, each such field named in {@code errors}. Bounds are checked on the result.
     */
    static PolicyParameters parse(MultiValueMap<String, String> p, FieldErrors errors) {
        Map<String, Integer> whole = new LinkedHashMap<>();
        WHOLE_NUMBERS.forEach(f -> whole.put(f, read(p, f, errors, Integer::valueOf)));
        BigDecimal temperature = read(p, "temperatureLimitC", errors, BigDecimal::new);
        BigDecimal largeEstate = read(p, "largeEstateThresholdM2", errors, BigDecimal::new);
        LocalTime curfewStart = optional(p, "curfewStart", errors, LocalTime::parse);
        LocalTime curfewEnd = optional(p, "curfewEnd", errors, LocalTime::parse);
        OutsiderPolicy outsiders = read(p, "outsiderPolicy", errors, OutsiderPolicy::valueOf);
        CourierPolicy couriers = read(p, "courierPolicy", errors, CourierPolicy::valueOf);
        if (!errors.isEmpty()) {
            return null;
        }
        List<String> exceptions = new ArrayList<>(Arrays.stream(raw(p, "outsiderExceptions").split("[\\n,，;；]"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
        return new PolicyParameters(whole.get("natWindowHours"), temperature, required(p), flag(p, "scanRequired"),
                curfewStart, curfewEnd, whole.get("openEntranceLimit"), largeEstate, whole.get("largeEstateEntranceLimit"),
                outsiders, exceptions, couriers, flag(p, "outsideVehiclesAllowed"), whole.get("workersPerSite"),
                flag(p, "masksRequired"), flag(p, "lockdown"), followUps(p), whole.get("riskAreaNatDays"),
                whole.get("observationDays"));
    }

    private static Map<EntrantCategory, Set<CheckKind>> required(MultiValueMap<String, String> p) {
        Map<EntrantCategory, Set<CheckKind>> required = new EnumMap<>(EntrantCategory.class);
        for (EntrantCategory c : EntrantCategory.values()) {
            Set<CheckKind> kinds = EnumSet.noneOf(CheckKind.class);
            p.getOrDefault("req_" + c, List.of()).forEach(k -> kinds.add(CheckKind.valueOf(k)));
            required.put(c, kinds);
        }
        return required;
    }

    private static Map<ReasonCode, Set<FollowUpKind>> followUps(MultiValueMap<String, String> p) {
        Map<ReasonCode, Set<FollowUpKind>> followUps = new EnumMap<>(ReasonCode.class);
        for (ReasonCode r : ReasonCode.values()) {
            List<String> kinds = p.getOrDefault("fu_" + r, List.of());
            if (!kinds.isEmpty()) {
                Set<FollowUpKind> set = EnumSet.noneOf(FollowUpKind.class);
                // Only what a policy may name for a refusal (not the checkpoint's own DEVICE_DISAGREEMENT).
                kinds.stream().map(FollowUpKind::valueOf).filter(FollowUpKind.forRefusals()::contains).forEach(set::add);
                followUps.put(r, set);
            }
        }
        return followUps;
    }

    private static <T> T read(MultiValueMap<String, String> p, String key, FieldErrors errors, Function<String, T> convert) {
        String v = raw(p, key);
        if (v.isEmpty()) {
            errors.empty(key);
            return null;
        }
        return convert(v, key, errors, convert);
    }

    private static <T> T optional(MultiValueMap<String, String> p, String key, FieldErrors errors, Function<String, T> convert) {
        String v = raw(p, key);
        return v.isEmpty() ? null : convert(v, key, errors, convert);
    }

    private static <T> T convert(String v, String key, FieldErrors errors, Function<String, T> convert) {
        try {
            return convert.apply(v);
        } catch (RuntimeException e) {
            errors.invalid(key);
            return null;
        }
    }

    private static String raw(MultiValueMap<String, String> p, String key) {
        String v = p.getFirst(key);
        return v == null ? "" : v.trim();
    }

    private static boolean flag(MultiValueMap<String, String> p, String key) {
        return "true".equals(raw(p, key)) || "on".equals(raw(p, key));
    }
}
