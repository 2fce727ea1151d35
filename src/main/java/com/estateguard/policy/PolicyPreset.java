package com.estateguard.policy;

import static com.estateguard.policy.CheckKind.*;
import static com.estateguard.policy.EntrantCategory.*;
import static com.estateguard.policy.FollowUpKind.*;
import static com.estateguard.policy.ReasonCode.*;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Policies read from the source documents in {@code shared/seeds}. An authority copies one,
 * changes what its city decided and schedules it as a {@link PolicyVersion}.
 */
public enum PolicyPreset {

    /** 000 北京 2022《严格小区（村）卡口管理七项措施》: 四件套 for everyone, 72 h NAT, scan never shown, riders contactless. */
    BEIJING_2022("北京 2022 卡口查验（000）", "Beijing 2022 checkpoint rules (000)") {
        @Override
        public PolicyParameters parameters() {
            return new PolicyParameters(72, new BigDecimal("37.3"),
                    PolicyParameters.sameForAll(TEMPERATURE, HEALTH_CODE, CREDENTIAL, NAT), true, null, null,
                    1, new BigDecimal("300000"), 2, OutsiderPolicy.ADMIT_WITH_CHECKS, List.of(),
                    CourierPolicy.CONTACTLESS_INSIDE, true, 4, true, false,
                    followUps(Map.of(CODE_NOT_GREEN, Set.of(REPORT_COMMUNITY), FEVER, Set.of(REPORT_COMMUNITY),
                            NAT_POSITIVE, Set.of(REPORT_COMMUNITY, OBSERVATION_POINT))), 7, 14);
        }
    },
    /** 001 桦川 2021: 一测二问三核查, couriers kept out with pickup areas, at most 4 workers per site. */
    HUACHUAN_2021("桦川 2021 常态化管理（001）", "Huachuan 2021 normal management (001)") {
        @Override
        public PolicyParameters parameters() {
            return new PolicyParameters(72, new BigDecimal("37.3"), threeChecks(), true, null, null,
                    1, new BigDecimal("300000"), 2, OutsiderPolicy.ADMIT_WITH_CHECKS, List.of(),
                    CourierPolicy.KEPT_OUT_PICKUP_POINT, true, 4, true, false,
                    followUps(Map.of(FEVER, Set.of(REPORT_COMMUNITY), CODE_NOT_GREEN, Set.of(REPORT_COMMUNITY),
                            SYMPTOMS, Set.of(REPORT_COMMUNITY), TRAVEL_CODE_RISK, Set.of(REPORT_COMMUNITY))), 7, 14);
        }

        /**
         * "一测二问三核查" for everyone; of "三核查" the ID document of those who come from outside,
         * the residence permit of the floating population renting here (tenants), and the travel
         * code of both, since the document singles out arrivals from risk areas (来(返)桦人员).
         */
        private static Map<EntrantCategory, Set<CheckKind>> threeChecks() {
            Map<EntrantCategory, Set<CheckKind>> required = PolicyParameters.sameForAll(TEMPERATURE, QUESTIONS, CREDENTIAL, HEALTH_CODE);
            for (EntrantCategory outsider : List.of(VISITOR, COURIER, RENOVATION_WORKER)) {
                required.get(outsider).addAll(List.of(ID_DOCUMENT, TRAVEL_CODE));
            }
            required.get(TENANT).addAll(List.of(RESIDENCE_PERMIT, TRAVEL_CODE));
            return required;
        }
    },
    /** 002 昆山 2020「十个一律」: one entrance, curfew 00:00-06:00, passes, outsiders and couriers kept out. */
    KUNSHAN_2020("昆山 2020「十个一律」（002）", "Kunshan 2020 ten rules (002)") {
        @Override
        public PolicyParameters parameters() {
            Map<EntrantCategory, Set<CheckKind>> required = new EnumMap<>(EntrantCategory.class);
            required.put(RESIDENT, EnumSet.of(TEMPERATURE, CREDENTIAL));
            required.put(TENANT, EnumSet.of(TEMPERATURE, CREDENTIAL));
            required.put(ESTATE_STAFF, EnumSet.of(TEMPERATURE));
            required.put(VISITOR, EnumSet.of(TEMPERATURE, QUESTIONS));
            required.put(COURIER, EnumSet.of(TEMPERATURE));
            required.put(RENOVATION_WORKER, EnumSet.of(TEMPERATURE));
            return new PolicyParameters(72, new BigDecimal("37.3"), required, true,
                    LocalTime.MIDNIGHT, LocalTime.of(6, 0), 1, new BigDecimal("300000"), 2,
                    OutsiderPolicy.REFUSE_EXCEPT_LISTED, List.of("子女探视老人"), CourierPolicy.KEPT_OUT_PICKUP_POINT,
                    false, 4, true, false,
                    followUps(Map.of(FEVER, Set.of(REPORT_COMMUNITY), OUTSIDER_NOT_ALLOWED, Set.of(REPORT_COMMUNITY))),
                    7, 14);
        }
    },
    /** 004 泉州鲤城 2021 normal: visitors registered, scanned and measured; green code and normal temperature. */
    QUANZHOU_2021("泉州鲤城 2021 常态防控（004）", "Quanzhou Licheng 2021 normal (004)") {
        @Override
        public PolicyParameters parameters() {
            Map<EntrantCategory, Set<CheckKind>> required = new EnumMap<>(EntrantCategory.class);
            required.put(RESIDENT, EnumSet.noneOf(CheckKind.class));
            required.put(TENANT, EnumSet.noneOf(CheckKind.class));
            required.put(ESTATE_STAFF, EnumSet.of(TEMPERATURE));
            required.put(VISITOR, EnumSet.of(TEMPERATURE, HEALTH_CODE, QUESTIONS));
            required.put(COURIER, EnumSet.of(TEMPERATURE, HEALTH_CODE));
            required.put(RENOVATION_WORKER, EnumSet.of(TEMPERATURE, HEALTH_CODE));
            return new PolicyParameters(72, new BigDecimal("37.3"), required, true, null, null,
                    1, new BigDecimal("300000"), 2, OutsiderPolicy.ADMIT_WITH_CHECKS, List.of(),
                    CourierPolicy.CONTACTLESS_INSIDE, true, 4, true, false,
                    followUps(Map.of(FEVER, Set.of(REPORT_COMMUNITY), CODE_NOT_GREEN, Set.of(REPORT_COMMUNITY),
                            SYMPTOMS, Set.of(REPORT_COMMUNITY))), 7, 14);
        }
    },
    /** 004 泉州鲤城 2021 emergency: estate closed, outsiders and vehicles refused, everyone measured and scanned. */
    QUANZHOU_2021_EMERGENCY("泉州鲤城 2021 应急封闭（004）", "Quanzhou Licheng 2021 emergency (004)") {
        @Override
        public PolicyParameters parameters() {
            return new PolicyParameters(72, new BigDecimal("37.3"),
                    PolicyParameters.sameForAll(TEMPERATURE, HEALTH_CODE), true, null, null,
                    1, new BigDecimal("300000"), 2, OutsiderPolicy.REFUSE_EXCEPT_LISTED, List.of(),
                    CourierPolicy.KEPT_OUT_PICKUP_POINT, false, 4, true, true,
                    followUps(Map.of(FEVER, Set.of(REPORT_COMMUNITY, OBSERVATION_POINT),
                            SYMPTOMS, Set.of(REPORT_COMMUNITY, OBSERVATION_POINT),
                            CODE_NOT_GREEN, Set.of(REPORT_COMMUNITY))), 7, 14);
        }
    };

    /** The preset the editor starts from; a version copied from no preset takes its missing groups' seeds from it. */
    public static final PolicyPreset DEFAULT = BEIJING_2022;

    private final String labelZh;
    private final String labelEn;

    PolicyPreset(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /**
     * The preset's checkpoint numbers. The groups the modules contribute are not here: each
     * module's {@link PolicyGroup#seed} gives its own, and {@link Policies#preset} puts them together.
     */
    public abstract PolicyParameters parameters();

    /** The preset a stored version was copied from; {@link #DEFAULT} for none or for a code no longer known. */
    public static PolicyPreset ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.name().equals(code)).findFirst().orElse(DEFAULT);
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    private static Map<ReasonCode, Set<FollowUpKind>> followUps(Map<ReasonCode, Set<FollowUpKind>> map) {
        Map<ReasonCode, Set<FollowUpKind>> copy = new EnumMap<>(ReasonCode.class);
        map.forEach((k, v) -> copy.put(k, EnumSet.copyOf(v)));
        return copy;
    }
}
