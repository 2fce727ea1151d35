package com.estateguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PolicyParametersTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static PolicyParameters withCurfew(LocalTime start, LocalTime end) {
        PolicyParameters p = PolicyPreset.KUNSHAN_2020.parameters();
        return new PolicyParameters(p.natWindowHours(), p.temperatureLimitC(), p.requiredChecks(), p.scanRequired(),
                start, end, p.openEntranceLimit(), p.largeEstateThresholdM2(), p.largeEstateEntranceLimit(),
                p.outsiderPolicy(), p.outsiderExceptions(), p.courierPolicy(), p.outsideVehiclesAllowed(),
                p.workersPerSite(), p.masksRequired(), p.lockdown(), p.refusalFollowUps(), p.riskAreaNatDays(),
                p.observationDays());
    }

    // ------------------------------------------------------------------ curfew

    @ParameterizedTest(name = "Kunshan 00:00-06:00 at {0} -> {1}")
    @CsvSource({"00:00, true", "00:30, true", "05:59, true", "06:00, false", "12:00, false", "23:59, false"})
    void kunshanCurfewRunsFromMidnightToSix(String time, boolean expected) {
        assertThat(PolicyPreset.KUNSHAN_2020.parameters().inCurfew(LocalTime.parse(time))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "22:00-06:00 at {0} -> {1}")
    @CsvSource({"21:59, false", "22:00, true", "23:30, true", "00:00, true", "03:00, true", "05:59, true",
            "06:00, false", "12:00, false"})
    void curfewAcrossMidnight(String time, boolean expected) {
        var policy = withCurfew(LocalTime.of(22, 0), LocalTime.of(6, 0));

        assertThat(policy.hasCurfew()).isTrue();
        assertThat(policy.inCurfew(LocalTime.parse(time))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "13:00-14:30 at {0} -> {1}")
    @CsvSource({"12:59, false", "13:00, true", "14:00, true", "14:29, true", "14:30, false", "00:00, false",
            "23:00, false"})
    void sameDayCurfew(String time, boolean expected) {
        assertThat(withCurfew(LocalTime.of(13, 0), LocalTime.of(14, 30)).inCurfew(LocalTime.parse(time)))
                .isEqualTo(expected);
    }

    @Test
    void noCurfewWhenStartEqualsEnd() {
        var policy = withCurfew(LocalTime.of(6, 0), LocalTime.of(6, 0));

        assertThat(policy.hasCurfew()).isFalse();
        assertThat(policy.inCurfew(LocalTime.of(6, 0))).isFalse();
        assertThat(policy.inCurfew(LocalTime.of(3, 0))).isFalse();
    }

    @Test
    void noCurfewWhenStartOrEndIsNull() {
        for (var policy : new PolicyParameters[] {withCurfew(null, null), withCurfew(LocalTime.MIDNIGHT, null),
                withCurfew(null, LocalTime.of(6, 0))}) {
            assertThat(policy.hasCurfew()).isFalse();
            assertThat(policy.inCurfew(LocalTime.of(0, 30))).isFalse();
            assertThat(policy.inCurfew(LocalTime.of(5, 0))).isFalse();
        }
    }

    @Test
    void beijingHasNoCurfew() {
        var policy = PolicyPreset.BEIJING_2022.parameters();

        assertThat(policy.hasCurfew()).isFalse();
        assertThat(policy.inCurfew(LocalTime.of(0, 30))).isFalse();
    }

    // ------------------------------------------------------------------ entrances (ACC-09)

    @ParameterizedTest(name = "{0} m2 -> {1} entrance(s)")
    @CsvSource({"1, 1", "80000, 1", "300000, 1", "300000.5, 2", "350000, 2", "2000000, 2"})
    void kunshanOneEntranceUpTo300000SquareMetresThenTwo(String area, int expected) {
        assertThat(PolicyPreset.KUNSHAN_2020.parameters().entranceLimitFor(new BigDecimal(area))).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ follow-ups

    @Test
    void followUpsForAPositiveNatInBeijingIncludeTheObservationPoint() {
        assertThat(PolicyPreset.BEIJING_2022.parameters().followUpsFor(ReasonCode.NAT_POSITIVE))
                .containsExactlyInAnyOrder(FollowUpKind.REPORT_COMMUNITY, FollowUpKind.OBSERVATION_POINT);
    }

    @Test
    void followUpsForFeverDifferBetweenNormalAndEmergency() {
        assertThat(PolicyPreset.QUANZHOU_2021.parameters().followUpsFor(ReasonCode.FEVER))
                .containsExactly(FollowUpKind.REPORT_COMMUNITY);
        assertThat(PolicyPreset.QUANZHOU_2021_EMERGENCY.parameters().followUpsFor(ReasonCode.FEVER))
                .containsExactlyInAnyOrder(FollowUpKind.REPORT_COMMUNITY, FollowUpKind.OBSERVATION_POINT);
    }

    @Test
    void reasonWithoutFollowUpGivesNone() {
        assertThat(PolicyPreset.BEIJING_2022.parameters().followUpsFor(ReasonCode.NO_MASK)).isEmpty();
        assertThat(PolicyPreset.KUNSHAN_2020.parameters().followUpsFor(ReasonCode.OUTSIDER_NOT_ALLOWED))
                .containsExactly(FollowUpKind.REPORT_COMMUNITY);
    }

    // ------------------------------------------------------------------ required checks

    @Test
    void requiredForACategoryMissingFromTheMapIsEmpty() {
        var p = PolicyPreset.BEIJING_2022.parameters();
        var onlyResidents = new java.util.EnumMap<EntrantCategory, Set<CheckKind>>(EntrantCategory.class);
        onlyResidents.put(EntrantCategory.RESIDENT, Set.of(CheckKind.TEMPERATURE));
        var policy = new PolicyParameters(p.natWindowHours(), p.temperatureLimitC(), onlyResidents, p.scanRequired(),
                null, null, p.openEntranceLimit(), p.largeEstateThresholdM2(), p.largeEstateEntranceLimit(),
                p.outsiderPolicy(), p.outsiderExceptions(), p.courierPolicy(), p.outsideVehiclesAllowed(),
                p.workersPerSite(), p.masksRequired(), p.lockdown(), p.refusalFollowUps(), p.riskAreaNatDays(),
                p.observationDays());

        assertThat(policy.required(EntrantCategory.RESIDENT)).containsExactly(CheckKind.TEMPERATURE);
        assertThat(policy.required(EntrantCategory.VISITOR)).isEmpty();
    }

    @Test
    void beijingRequiresTheFourPieceSetOfEveryone() {
        var p = PolicyPreset.BEIJING_2022.parameters();
        for (EntrantCategory c : EntrantCategory.values()) {
            assertThat(p.required(c)).as(c.name()).containsExactlyInAnyOrder(
                    CheckKind.TEMPERATURE, CheckKind.HEALTH_CODE, CheckKind.CREDENTIAL, CheckKind.NAT);
        }
        assertThat(p.natWindowHours()).isEqualTo(72);
        assertThat(p.scanRequired()).isTrue();
    }

    // ------------------------------------------------------------------ with-ers

    @Test
    void withNatWindowHoursChangesOnlyTheWindow() {
        var p = PolicyPreset.BEIJING_2022.parameters();
        var changed = p.withNatWindowHours(48);

        assertThat(changed.natWindowHours()).isEqualTo(48);
        assertThat(changed.withNatWindowHours(72)).isEqualTo(p);
    }

    @Test
    void withLockdownChangesOnlyTheLockdown() {
        var p = PolicyPreset.BEIJING_2022.parameters();
        var changed = p.withLockdown(true);

        assertThat(changed.lockdown()).isTrue();
        assertThat(changed.withLockdown(false)).isEqualTo(p);
    }

    // ------------------------------------------------------------------ validation

    @ParameterizedTest
    @EnumSource(PolicyPreset.class)
    void everyPresetIsValid(PolicyPreset preset) {
        Set<ConstraintViolation<PolicyParameters>> violations = validator.validate(preset.parameters());

        assertThat(violations).isEmpty();
    }

    @Test
    void aZeroHourNatWindowIsInvalid() {
        var violations = validator.validate(PolicyPreset.BEIJING_2022.parameters().withNatWindowHours(0));

        assertThat(violations).extracting(v -> v.getPropertyPath().toString()).containsExactly("natWindowHours");
    }
}
