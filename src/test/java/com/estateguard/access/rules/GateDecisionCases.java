package com.estateguard.access.rules;

import com.estateguard.access.Direction;
import com.estateguard.access.PassCheck;
import com.estateguard.access.internal.Evidence;
import com.estateguard.access.internal.LeavingParameters;
import com.estateguard.access.internal.NatRegisterParameters;
import com.estateguard.access.internal.TravelCodeParameters;
import com.estateguard.access.internal.VehicleEvidence;
import com.estateguard.access.internal.rules.EntryContext;
import com.estateguard.healthdata.CodeStatus;
import com.estateguard.healthdata.NatResult;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.CourierPolicy;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.FollowUpKind;
import com.estateguard.policy.OutsiderPolicy;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.ReasonCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared table of checkpoint decisions (src/test/resources/gate-decision-cases.json, issue 11),
 * read for the Java rules: each case's policy and context as the device sees them, and the verdict
 * and reasons both the Java rules and static/js/gate-rules.js must give.
 */
public final class GateDecisionCases {

    public static final String RESOURCE = "/gate-decision-cases.json";

    public record Expected(String verdict, List<Map<String, String>> reasons) {
    }

    public record Case(String name, Map<String, Object> policy, Map<String, Object> context, Expected expected) {
    }

    private GateDecisionCases() {
    }

    /** The whole file as text, for the browser. */
    public static String json() {
        try (InputStream in = GateDecisionCases.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Case> all() {
        Map<String, Object> file = JsonMapper.builder().build().readValue(json(), Map.class);
        return ((List<Map<String, Object>>) file.get("cases")).stream().map(c -> {
            Map<String, Object> expected = (Map<String, Object>) c.get("expected");
            return new Case((String) c.get("name"), (Map<String, Object>) c.get("policy"), (Map<String, Object>) c.get("context"),
                    new Expected((String) expected.get("verdict"), (List<Map<String, String>>) expected.get("reasons")));
        }).toList();
    }

    @SuppressWarnings("unchecked")
    static PolicyParameters policy(Map<String, Object> p) {
        Map<EntrantCategory, Set<CheckKind>> required = new EnumMap<>(EntrantCategory.class);
        ((Map<String, List<String>>) p.get("requiredChecks")).forEach((category, kinds) -> {
            Set<CheckKind> set = EnumSet.noneOf(CheckKind.class);
            kinds.forEach(k -> set.add(CheckKind.valueOf(k)));
            required.put(EntrantCategory.valueOf(category), set);
        });
        Map<String, Map<String, Object>> g = (Map<String, Map<String, Object>>) p.get("groups");
        Map<String, Record> groups = new LinkedHashMap<>();
        groups.put("leaving", new LeavingParameters(bool(g.get("leaving").get("checkLeaving"))));
        groups.put("natRegister", new NatRegisterParameters(bool(g.get("natRegister").get("renovationWorkers")),
                bool(g.get("natRegister").get("couriers")), bool(g.get("natRegister").get("estateStaff"))));
        groups.put("travelCode", new TravelCodeParameters(bool(g.get("travelCode").get("starAllowed")),
                bool(g.get("travelCode").get("riskAreaAllowed"))));
        return new PolicyParameters(((Number) p.get("natWindowHours")).intValue(), decimal(p.get("temperatureLimitC")), required,
                bool(p.get("scanRequired")), time(p.get("curfewStart")), time(p.get("curfewEnd")), 2, new BigDecimal("100000"), 3,
                OutsiderPolicy.valueOf((String) p.get("outsiderPolicy")), (List<String>) p.get("outsiderExceptions"),
                CourierPolicy.valueOf((String) p.get("courierPolicy")), bool(p.get("outsideVehiclesAllowed")), 10,
                bool(p.get("masksRequired")), bool(p.get("lockdown")), Map.<ReasonCode, Set<FollowUpKind>>of(), 14, 14, groups);
    }

    @SuppressWarnings("unchecked")
    static EntryContext context(Map<String, Object> c, PolicyParameters policy) {
        Map<String, Object> e = c.get("evidence") == null ? Map.of() : (Map<String, Object>) c.get("evidence");
        Map<String, Object> v = (Map<String, Object>) c.get("vehicle");
        return new EntryContext(EntrantCategory.valueOf((String) c.get("category")), Direction.valueOf((String) c.get("direction")),
                evidence(e), v == null ? null : new VehicleEvidence((String) v.get("plate"), bool(v.get("residentVehicle"))),
                policy, bool(c.get("entranceOpen")), Instant.parse((String) c.get("at")), LocalTime.parse((String) c.get("localTime")),
                bool(c.get("emergency")), (String) c.get("exception"), bool(c.get("preRegistered")),
                c.get("passFailure") == null ? null : PassCheck.Failure.valueOf((String) c.get("passFailure")),
                (Boolean) c.get("inNatRegister"), (Boolean) c.get("residentResolved"));
    }

    @SuppressWarnings("unchecked")
    private static Evidence evidence(Map<String, Object> e) {
        var t = (Map<String, Object>) e.get("temperature");
        var h = (Map<String, Object>) e.get("healthCode");
        var cr = (Map<String, Object>) e.get("credential");
        var n = (Map<String, Object>) e.get("nat");
        var a = (Map<String, Object>) e.get("answers");
        var three = (Map<String, Object>) e.get("threeChecks");
        return new Evidence(
                t == null ? null : new Evidence.TemperatureReading(new BigDecimal((String) t.get("celsius")),
                        Evidence.TemperatureMethod.valueOf((String) t.get("method"))),
                h == null ? null : new Evidence.HealthCodeEvidence(h.get("status") == null ? null : CodeStatus.valueOf((String) h.get("status")),
                        Evidence.CodeAcquisition.valueOf((String) h.get("acquisition")), null, bool(h.get("demo"))),
                cr == null ? null : new Evidence.CredentialEvidence(Evidence.CredentialType.valueOf((String) cr.get("type")),
                        (String) cr.get("reference"), bool(cr.get("verified")), bool(cr.get("accessControl"))),
                n == null ? null : new Evidence.NatEvidence(Instant.parse((String) n.get("sampledAt")), NatResult.valueOf((String) n.get("result")),
                        null, bool(n.get("demo"))),
                a == null ? null : new Evidence.Answers((String) a.get("destination"), (Boolean) a.get("symptoms")),
                (Boolean) e.get("mask"),
                three == null ? null : new Evidence.ThreeChecks((Boolean) three.get("idDocument"), (Boolean) three.get("residencePermit"),
                        three.get("travelCode") == null ? null : Evidence.TravelCode.valueOf((String) three.get("travelCode"))));
    }

    private static boolean bool(Object o) {
        return Boolean.TRUE.equals(o);
    }

    private static BigDecimal decimal(Object o) {
        return o instanceof Double d ? BigDecimal.valueOf(d) : new BigDecimal(o.toString());
    }

    private static LocalTime time(Object o) {
        return o == null ? null : LocalTime.parse((String) o);
    }
}
