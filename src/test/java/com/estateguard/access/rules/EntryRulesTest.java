package com.estateguard.access.rules;

import static com.estateguard.policy.ReasonCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.access.Direction;
import com.estateguard.access.Verdict;
import com.estateguard.access.internal.Evidence.Answers;
import com.estateguard.access.internal.Evidence.CodeAcquisition;
import com.estateguard.access.internal.Evidence.CredentialEvidence;
import com.estateguard.access.internal.Evidence.CredentialType;
import com.estateguard.access.internal.Evidence.HealthCodeEvidence;
import com.estateguard.access.internal.Evidence.NatEvidence;
import com.estateguard.access.internal.Evidence.TemperatureMethod;
import com.estateguard.access.internal.Evidence.TemperatureReading;
import com.estateguard.access.internal.Evidence.ThreeChecks;
import com.estateguard.access.internal.Evidence.TravelCode;
import com.estateguard.access.internal.Evidence;
import com.estateguard.access.internal.VehicleEvidence;
import com.estateguard.access.internal.rules.EntryContext;
import com.estateguard.access.internal.rules.EntryDecision;
import com.estateguard.access.internal.rules.EntryReason;
import com.estateguard.access.internal.rules.EntryRules;
import com.estateguard.healthdata.CodeStatus;
import com.estateguard.healthdata.NatResult;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.policy.ReasonCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checkpoint decision (卡口查验) against the source documents in {@code shared/seeds}:
 * 000 Beijing 2022, 001 Huachuan 2021, 002 Kunshan 2020, 004 Quanzhou 2021 (normal and emergency).
 */
class EntryRulesTest {

    private static final Instant NOW = Instant.parse("2022-05-01T02:00:00Z");
    private static final LocalTime DAYTIME = LocalTime.of(10, 0);

    // ------------------------------------------------------------------ helpers

    /** A person who passes every check of every preset unless the test says otherwise. */
    static Entry entry(PolicyPreset preset, EntrantCategory category) {
        return new Entry(preset.parameters(), category);
    }

    static Entry entry(PolicyParameters policy, EntrantCategory category) {
        return new Entry(policy, category);
    }

    static final class Entry {
        private PolicyParameters policy;
        private final EntrantCategory category;
        private Direction direction = Direction.IN;
        private TemperatureReading temperature = new TemperatureReading(new BigDecimal("36.5"), TemperatureMethod.HANDHELD_GUN);
        private HealthCodeEvidence code = new HealthCodeEvidence(CodeStatus.GREEN, CodeAcquisition.SCANNED, "test", false);
        private CredentialEvidence credential = new CredentialEvidence(CredentialType.PASS, "P-001", true, false);
        private NatEvidence nat = new NatEvidence(NOW.minus(Duration.ofHours(24)), NatResult.NEGATIVE, "test", false);
        private Answers answers = new Answers("3号楼", false);
        private Boolean mask = true;
        private ThreeChecks threeChecks = new ThreeChecks(true, true, TravelCode.NORMAL);
        private VehicleEvidence vehicle;
        private boolean entranceOpen = true;
        private LocalTime localTime = DAYTIME;
        private boolean emergency;
        private String exception;

        Entry(PolicyParameters policy, EntrantCategory category) {
            this.policy = policy;
            this.category = category;
        }

        Entry leaving() {
            direction = Direction.OUT;
            return this;
        }

        Entry temperature(String celsius) {
            temperature = celsius == null ? null : new TemperatureReading(new BigDecimal(celsius), TemperatureMethod.INFRARED_TERMINAL);
            return this;
        }

        Entry code(CodeStatus status, CodeAcquisition acquisition) {
            code = new HealthCodeEvidence(status, acquisition, "test", false);
            return this;
        }

        Entry noCode() {
            code = null;
            return this;
        }

        Entry credential(boolean verified, boolean accessControl) {
            credential = new CredentialEvidence(CredentialType.PASS, "P-001", verified, accessControl);
            return this;
        }

        Entry credential(CredentialEvidence presented) {
            credential = presented;
            return this;
        }

        Entry noCredential() {
            credential = null;
            return this;
        }

        Entry natHoursAgo(long hours) {
            nat = new NatEvidence(NOW.minus(Duration.ofHours(hours)), NatResult.NEGATIVE, "test", false);
            return this;
        }

        Entry natPositive() {
            nat = new NatEvidence(NOW.minus(Duration.ofHours(10)), NatResult.POSITIVE, "test", false);
            return this;
        }

        Entry noNat() {
            nat = null;
            return this;
        }

        Entry answers(String destination, Boolean symptoms) {
            answers = new Answers(destination, symptoms);
            return this;
        }

        Entry noAnswers() {
            answers = null;
            return this;
        }

        Entry threeChecks(ThreeChecks checks) {
            threeChecks = checks;
            return this;
        }

        Entry travelCode(TravelCode shown) {
            return threeChecks(new ThreeChecks(threeChecks.idDocument(), threeChecks.residencePermit(), shown));
        }

        Entry mask(Boolean worn) {
            mask = worn;
            return this;
        }

        Entry vehicle(String plate, boolean residentVehicle) {
            vehicle = new VehicleEvidence(plate, residentVehicle);
            return this;
        }

        Entry entranceClosed() {
            entranceOpen = false;
            return this;
        }

        Entry at(int hour, int minute) {
            localTime = LocalTime.of(hour, minute);
            return this;
        }

        Entry emergency() {
            emergency = true;
            return this;
        }

        Entry claiming(String claimedException) {
            exception = claimedException;
            return this;
        }

        Entry without(CheckKind kind) {
            switch (kind) {
                case TEMPERATURE -> temperature = null;
                case HEALTH_CODE -> code = null;
                case CREDENTIAL -> credential = null;
                case NAT -> nat = null;
                case QUESTIONS -> answers = null;
                case ID_DOCUMENT -> threeChecks = new ThreeChecks(null, threeChecks.residencePermit(), threeChecks.travelCode());
                case RESIDENCE_PERMIT -> threeChecks = new ThreeChecks(threeChecks.idDocument(), null, threeChecks.travelCode());
                case TRAVEL_CODE -> threeChecks = new ThreeChecks(threeChecks.idDocument(), threeChecks.residencePermit(), null);
            }
            return this;
        }

        EntryContext context() {
            return new EntryContext(category, direction, new Evidence(temperature, code, credential, nat, answers, mask, threeChecks),
                    vehicle, policy, entranceOpen, NOW, localTime, emergency, exception);
        }

        EntryDecision decide() {
            return EntryRules.decide(context());
        }
    }

    static void assertDecision(EntryDecision decision, Verdict verdict, ReasonCode... codes) {
        assertThat(decision.codes()).as("reason codes").containsExactlyInAnyOrder(codes);
        assertThat(decision.verdict()).as("verdict").isEqualTo(verdict);
    }

    static void assertAllowed(EntryDecision decision) {
        assertThat(decision.codes()).as("reason codes").isEmpty();
        assertThat(decision.verdict()).as("verdict").isEqualTo(Verdict.ALLOW);
    }

    static String detailOf(EntryDecision decision, ReasonCode code) {
        return decision.reasons().stream().filter(r -> r.code() == code).map(EntryReason::detail).findFirst().orElseThrow();
    }

    /** A policy like {@code base} but requiring exactly {@code required} of everyone. */
    static PolicyParameters requiring(PolicyParameters base, CheckKind... required) {
        return copy(base, PolicyParameters.sameForAll(required), base.scanRequired());
    }

    static PolicyParameters copy(PolicyParameters p, Map<EntrantCategory, Set<CheckKind>> required, boolean scanRequired) {
        return new PolicyParameters(p.natWindowHours(), p.temperatureLimitC(), required, scanRequired, p.curfewStart(),
                p.curfewEnd(), p.openEntranceLimit(), p.largeEstateThresholdM2(), p.largeEstateEntranceLimit(),
                p.outsiderPolicy(), p.outsiderExceptions(), p.courierPolicy(), p.outsideVehiclesAllowed(),
                p.workersPerSite(), p.masksRequired(), p.lockdown(), p.refusalFollowUps(), p.riskAreaNatDays(),
                p.observationDays());
    }

    // ------------------------------------------------------------------ 000 Beijing: 72 h NAT

    @Nested
    class NatWithinWindow_Beijing2022 {

        @Test
        void riderWithGreenScannedCodeAnd80HourNatIsRefusedWithNatExpiredOnly() {
            var decision = entry(PolicyPreset.BEIJING_2022, EntrantCategory.COURIER).natHoursAgo(80).decide();

            assertDecision(decision, Verdict.REFUSE, NAT_EXPIRED);
            assertThat(detailOf(decision, NAT_EXPIRED)).isEqualTo("80h > 72h");
        }

        @Test
        void riderWith70HourNatIsAllowed() {
            assertAllowed(entry(PolicyPreset.BEIJING_2022, EntrantCategory.COURIER).natHoursAgo(70).decide());
        }

        @Test
        void natWindowIsAParameter_70HourNatRefusedWhenWindowIs48Hours() {
            var policy = PolicyPreset.BEIJING_2022.parameters().withNatWindowHours(48);

            var decision = entry(policy, EntrantCategory.COURIER).natHoursAgo(70).decide();

            assertDecision(decision, Verdict.REFUSE, NAT_EXPIRED);
            assertThat(detailOf(decision, NAT_EXPIRED)).isEqualTo("70h > 48h");
        }

        @Test
        void natExactly72HoursOldIsStillWithin72Hours() {
            assertAllowed(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).natHoursAgo(72).decide());
        }

        @Test
        void natOneMinuteOver72HoursIsExpired() {
            var e = entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT);
            e.nat = new NatEvidence(NOW.minus(Duration.ofHours(72).plusMinutes(1)), NatResult.NEGATIVE, "test", false);

            assertDecision(e.decide(), Verdict.REFUSE, NAT_EXPIRED);
        }

        @Test
        void positiveNatIsRefusedEvenWhenNatIsNotRequired_Kunshan() {
            var policy = PolicyPreset.KUNSHAN_2020.parameters();
            assertThat(policy.required(EntrantCategory.RESIDENT)).doesNotContain(CheckKind.NAT);

            assertDecision(entry(policy, EntrantCategory.RESIDENT).natPositive().decide(), Verdict.REFUSE, NAT_POSITIVE);
        }

        @Test
        void positiveNatIsRefusedWhereNatIsRequired_Beijing() {
            assertDecision(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).natPositive().decide(),
                    Verdict.REFUSE, NAT_POSITIVE);
        }

        @Test
        void oldNegativeNatDoesNotMatterWhereNatIsNotRequired_Kunshan() {
            assertAllowed(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).natHoursAgo(200).decide());
        }
    }

    // ------------------------------------------------------------------ 000: 不得以亮码代替扫码

    @Nested
    class CodeMustBeScannedAndGreen {

        @ParameterizedTest
        @EnumSource(CodeStatus.class)
        void shownCodeIsRefusedWhateverItsColour(CodeStatus colour) {
            var decision = entry(PolicyPreset.BEIJING_2022, EntrantCategory.VISITOR)
                    .code(colour, CodeAcquisition.SHOWN).decide();

            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(decision.codes()).contains(CODE_SHOWN_NOT_SCANNED);
            if (colour == CodeStatus.GREEN) {
                assertThat(decision.codes()).containsExactly(CODE_SHOWN_NOT_SCANNED);
            } else {
                assertThat(decision.codes()).containsExactlyInAnyOrder(CODE_SHOWN_NOT_SCANNED, CODE_NOT_GREEN);
            }
        }

        @Test
        void shownGreenCodeCountsWhereThePolicyDoesNotRequireAScan() {
            var policy = copy(PolicyPreset.BEIJING_2022.parameters(),
                    PolicyPreset.BEIJING_2022.parameters().requiredChecks(), false);

            assertAllowed(entry(policy, EntrantCategory.VISITOR).code(CodeStatus.GREEN, CodeAcquisition.SHOWN).decide());
        }

        @ParameterizedTest
        @EnumSource(value = CodeStatus.class, names = {"YELLOW", "RED"})
        void scannedCodeThatIsNotGreenIsRefused(CodeStatus colour) {
            var decision = entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT)
                    .code(colour, CodeAcquisition.SCANNED).decide();

            assertDecision(decision, Verdict.REFUSE, CODE_NOT_GREEN);
            assertThat(detailOf(decision, CODE_NOT_GREEN)).isEqualTo(colour.name());
        }

        @Test
        void scannedGreenCodeIsAllowed() {
            assertAllowed(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT)
                    .code(CodeStatus.GREEN, CodeAcquisition.SCANNED).decide());
        }

        @Test
        void greenCodeTypedByHandIsRefusedLikeAShownOne() {
            var decision = entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT)
                    .code(CodeStatus.GREEN, CodeAcquisition.TYPED).decide();

            assertDecision(decision, Verdict.REFUSE, CODE_TYPED_NOT_SCANNED);
        }
    }

    // ------------------------------------------------------------------ issue 8: demo results are no ground

    @Nested
    class DemoSourceIsNoGround {

        @Test
        void greenCodeFromTheDemoSourceAloneIsReferred() {
            var e = entry(PolicyPreset.BEIJING_2022, EntrantCategory.VISITOR);
            e.code = new HealthCodeEvidence(CodeStatus.GREEN, CodeAcquisition.SCANNED, "DEMO", true);

            assertDecision(e.decide(), Verdict.REFER, DEMO_SOURCE_ONLY);
        }

        @Test
        void requiredNatFromTheDemoSourceAloneIsReferred() {
            var e = entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT);
            assertThat(PolicyPreset.BEIJING_2022.parameters().required(EntrantCategory.RESIDENT)).contains(CheckKind.NAT);
            e.nat = new NatEvidence(NOW.minus(Duration.ofHours(5)), NatResult.NEGATIVE, "DEMO", true);

            assertDecision(e.decide(), Verdict.REFER, DEMO_SOURCE_ONLY);
        }

        @Test
        void aDemoNatThePolicyDoesNotAskForDecidesNothing_Kunshan() {
            var e = entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT);
            e.nat = new NatEvidence(NOW.minus(Duration.ofHours(5)), NatResult.NEGATIVE, "DEMO", true);

            assertAllowed(e.decide());
        }

        @Test
        void anotherRefusalStillRefuses() {
            var e = entry(PolicyPreset.BEIJING_2022, EntrantCategory.VISITOR).temperature("38.2");
            e.code = new HealthCodeEvidence(CodeStatus.GREEN, CodeAcquisition.SCANNED, "DEMO", true);

            assertDecision(e.decide(), Verdict.REFUSE, FEVER, DEMO_SOURCE_ONLY);
        }
    }

    // ------------------------------------------------------------------ 002 Kunshan: curfew 00:00-06:00

    @Nested
    class CurfewWindow_Kunshan2020 {

        @Test
        void entryAt0030IsRefusedWithCurfew() {
            var decision = entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).at(0, 30).decide();

            assertDecision(decision, Verdict.REFUSE, CURFEW);
            assertThat(detailOf(decision, CURFEW)).isEqualTo("00:00-06:00");
        }

        @Test
        void entryAtMidnightIsInCurfew() {
            assertDecision(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).at(0, 0).decide(),
                    Verdict.REFUSE, CURFEW);
        }

        @Test
        void entryAt0559IsStillInCurfew() {
            assertDecision(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).at(5, 59).decide(),
                    Verdict.REFUSE, CURFEW);
        }

        @Test
        void entryAt0600IsNotInCurfew() {
            assertAllowed(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).at(6, 0).decide());
        }

        @Test
        void entryAt2359IsNotInCurfew() {
            assertAllowed(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).at(23, 59).decide());
        }

        @Test
        void emergencyDuringCurfewIsReferredWithCurfewEmergency() {
            var decision = entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).at(0, 30).emergency().decide();

            assertDecision(decision, Verdict.REFER, CURFEW_EMERGENCY);
        }

        @Test
        void emergencyDuringCurfewIsStillRefusedWithFever() {
            var decision = entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).at(0, 30).emergency()
                    .temperature("38.2").decide();

            assertDecision(decision, Verdict.REFUSE, CURFEW_EMERGENCY, FEVER);
        }

        @Test
        void exitAt0030IsAlsoRefused() {
            assertDecision(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).leaving().at(0, 30).decide(),
                    Verdict.REFUSE, CURFEW);
        }

        @Test
        void emergencyExitDuringCurfewIsReferred() {
            assertDecision(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).leaving().at(0, 30).emergency()
                    .decide(), Verdict.REFER, CURFEW_EMERGENCY);
        }

        @Test
        void exitInDaytimeNeedsNoChecks() {
            var decision = entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).leaving()
                    .temperature(null).noCredential().noCode().noNat().noAnswers().mask(false).decide();

            assertAllowed(decision);
        }

        @Test
        void beijingHasNoCurfew() {
            assertAllowed(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).at(0, 30).decide());
        }
    }

    // ------------------------------------------------------------------ 不得以一项代替多项

    @Nested
    class RequiredChecksPresent_NoOneCheckForSeveral {

        @ParameterizedTest
        @EnumSource(CheckKind.class)
        void eachMissingRequiredCheckIsRefusedWithItsOwnReason(CheckKind missing) {
            var policy = requiring(PolicyPreset.BEIJING_2022.parameters(), CheckKind.values());

            var decision = entry(policy, EntrantCategory.VISITOR).without(missing).decide();

            assertDecision(decision, Verdict.REFUSE, ReasonCode.valueOf("MISSING_" + missing.name()));
        }

        @Test
        void allFourOfTheBeijingFourPieceSetAreRequired() {
            var decision = entry(PolicyPreset.BEIJING_2022, EntrantCategory.VISITOR)
                    .temperature(null).noCode().noCredential().noNat().decide();

            assertDecision(decision, Verdict.REFUSE,
                    MISSING_TEMPERATURE, MISSING_HEALTH_CODE, MISSING_CREDENTIAL, MISSING_NAT);
        }

        @Test
        void aScannedCodeDoesNotStandInForTheTemperature_Beijing() {
            assertDecision(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).temperature(null).decide(),
                    Verdict.REFUSE, MISSING_TEMPERATURE);
        }

        @Test
        void checksThePolicyDoesNotRequireMayBeMissing_Kunshan() {
            var decision = entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT)
                    .noCode().noNat().noAnswers().decide();

            assertAllowed(decision);
        }

        @Test
        void questionsWithoutADestinationAreIncomplete_Huachuan() {
            assertDecision(entry(PolicyPreset.HUACHUAN_2021, EntrantCategory.RESIDENT).answers(" ", false).decide(),
                    Verdict.REFUSE, MISSING_QUESTIONS);
        }

        @Test
        void questionsWithoutTheSymptomsAnswerAreIncomplete_Huachuan() {
            assertDecision(entry(PolicyPreset.HUACHUAN_2021, EntrantCategory.RESIDENT).answers("3号楼", null).decide(),
                    Verdict.REFUSE, MISSING_QUESTIONS);
        }

        @Test
        void huachuanOneMeasureTwoQuestionsThreeChecksIsAllowedWhenComplete() {
            assertAllowed(entry(PolicyPreset.HUACHUAN_2021, EntrantCategory.RESIDENT).noNat().decide());
        }

        @Test
        void everyReasonIsKept_FeverExpiredNatAndNoMask() {
            var decision = entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT)
                    .temperature("38.1").natHoursAgo(80).mask(false).decide();

            assertDecision(decision, Verdict.REFUSE, FEVER, NAT_EXPIRED, NO_MASK);
        }
    }

    // ------------------------------------------------------------------ 002 Kunshan: outsiders, couriers

    @Nested
    class OutsidersAndCouriers {

        @Test
        void kunshanVisitorIsRefusedAsOutsider() {
            assertDecision(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.VISITOR).decide(),
                    Verdict.REFUSE, OUTSIDER_NOT_ALLOWED);
        }

        @Test
        void kunshanRenovationWorkerIsRefusedAsOutsider() {
            assertDecision(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RENOVATION_WORKER).decide(),
                    Verdict.REFUSE, OUTSIDER_NOT_ALLOWED);
        }

        @Test
        void kunshanChildVisitingElderlyParentsIsReferredToShiftLeader() {
            var decision = entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.VISITOR).claiming("子女探视老人").decide();

            assertDecision(decision, Verdict.REFER, OUTSIDER_EXCEPTION);
            assertThat(detailOf(decision, OUTSIDER_EXCEPTION)).isEqualTo("子女探视老人");
        }

        @Test
        void kunshanUnlistedExceptionIsRefused() {
            assertDecision(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.VISITOR).claiming("朋友聚会").decide(),
                    Verdict.REFUSE, OUTSIDER_NOT_ALLOWED);
        }

        @Test
        void kunshanListedExceptionWithFeverIsRefusedNotReferred() {
            var decision = entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.VISITOR).claiming("子女探视老人")
                    .temperature("37.8").decide();

            assertDecision(decision, Verdict.REFUSE, OUTSIDER_EXCEPTION, FEVER);
        }

        @Test
        void kunshanCourierIsKeptOut() {
            assertDecision(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.COURIER).decide(),
                    Verdict.REFUSE, COURIER_KEPT_OUT);
        }

        @Test
        void huachuanCourierIsKeptOut() {
            assertDecision(entry(PolicyPreset.HUACHUAN_2021, EntrantCategory.COURIER).decide(),
                    Verdict.REFUSE, COURIER_KEPT_OUT);
        }

        @Test
        void beijingCourierIsNotRefusedForBeingACourier() {
            assertAllowed(entry(PolicyPreset.BEIJING_2022, EntrantCategory.COURIER).decide());
        }

        @Test
        void beijingVisitorIsAdmittedWithChecks() {
            assertAllowed(entry(PolicyPreset.BEIJING_2022, EntrantCategory.VISITOR).decide());
        }

        @Test
        void kunshanEstateStaffAreNotOutsiders() {
            assertAllowed(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.ESTATE_STAFF).noCredential().decide());
        }

        @Test
        void kunshanResidentAndTenantAreAllowed() {
            assertAllowed(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).decide());
            assertAllowed(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.TENANT).decide());
        }
    }

    // ------------------------------------------------------------------ vehicles

    @Nested
    class OutsideVehicles {

        @Test
        void outsideVehicleIsRefusedInKunshan() {
            var decision = entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).vehicle("苏E12345", false).decide();

            assertDecision(decision, Verdict.REFUSE, OUTSIDE_VEHICLE);
            assertThat(detailOf(decision, OUTSIDE_VEHICLE)).isEqualTo("苏E12345");
        }

        @Test
        void outsideVehicleIsAllowedInBeijing() {
            assertAllowed(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).vehicle("京A12345", false).decide());
        }

        @Test
        void residentVehicleIsAllowedInKunshan() {
            assertAllowed(entry(PolicyPreset.KUNSHAN_2020, EntrantCategory.RESIDENT).vehicle("苏E12345", true).decide());
        }

        @Test
        void outsideVehicleIsRefusedInLockdownEvenWherePolicyAllowsThem() {
            var policy = PolicyPreset.BEIJING_2022.parameters().withLockdown(true);

            assertDecision(entry(policy, EntrantCategory.RESIDENT).vehicle("京A12345", false).decide(),
                    Verdict.REFUSE, OUTSIDE_VEHICLE);
        }

        @Test
        void residentVehicleIsAllowedInLockdown() {
            var policy = PolicyPreset.BEIJING_2022.parameters().withLockdown(true);

            assertAllowed(entry(policy, EntrantCategory.RESIDENT).vehicle("京A12345", true).decide());
        }
    }

    // ------------------------------------------------------------------ 004 Quanzhou emergency: lockdown

    @Nested
    class Lockdown_Quanzhou2021Emergency {

        @Test
        void visitorIsRefusedWithLockdown() {
            var decision = entry(PolicyPreset.QUANZHOU_2021_EMERGENCY, EntrantCategory.VISITOR).decide();

            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(decision.codes()).contains(LOCKDOWN);
        }

        @Test
        void visitorClaimingAnExceptionIsStillRefusedWithLockdown() {
            var decision = entry(PolicyPreset.QUANZHOU_2021_EMERGENCY, EntrantCategory.VISITOR)
                    .claiming("子女探视老人").decide();

            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(decision.codes()).contains(LOCKDOWN);
        }

        @Test
        void courierIsRefusedWithLockdown() {
            assertDecision(entry(PolicyPreset.QUANZHOU_2021_EMERGENCY, EntrantCategory.COURIER).decide(),
                    Verdict.REFUSE, LOCKDOWN, COURIER_KEPT_OUT);
        }

        @Test
        void residentWithTemperatureAndGreenScannedCodeIsLetIn() {
            var decision = entry(PolicyPreset.QUANZHOU_2021_EMERGENCY, EntrantCategory.RESIDENT)
                    .temperature("36.6").code(CodeStatus.GREEN, CodeAcquisition.SCANNED)
                    .noCredential().noNat().noAnswers().decide();

            assertAllowed(decision);
        }

        @Test
        void residentWithoutAScannedCodeIsRefused() {
            var decision = entry(PolicyPreset.QUANZHOU_2021_EMERGENCY, EntrantCategory.RESIDENT)
                    .noCode().noCredential().noNat().noAnswers().decide();

            assertDecision(decision, Verdict.REFUSE, MISSING_HEALTH_CODE);
        }

        @Test
        void estateStaffAreNotKeptOutByLockdown() {
            assertAllowed(entry(PolicyPreset.QUANZHOU_2021_EMERGENCY, EntrantCategory.ESTATE_STAFF).decide());
        }

        @Test
        void quanzhouNormalAdmitsCheckedVisitor() {
            assertAllowed(entry(PolicyPreset.QUANZHOU_2021, EntrantCategory.VISITOR).noCredential().noNat().decide());
        }
    }

    // ------------------------------------------------------------------ temperature, symptoms, mask

    @Nested
    class HealthChecks {

        @ParameterizedTest
        @ValueSource(strings = {"36.0", "37.3", "37.30"})
        void temperatureUpToTheLimitPasses(String celsius) {
            assertAllowed(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).temperature(celsius).decide());
        }

        @Test
        void temperatureAboveTheLimitIsFever() {
            var decision = entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).temperature("37.4").decide();

            assertDecision(decision, Verdict.REFUSE, FEVER);
            assertThat(detailOf(decision, FEVER)).isEqualTo("37.4 > 37.3");
        }

        @Test
        void reportedSymptomsAreRefused_Huachuan() {
            assertDecision(entry(PolicyPreset.HUACHUAN_2021, EntrantCategory.RESIDENT).answers("3号楼", true).decide(),
                    Verdict.REFUSE, SYMPTOMS);
        }

        @Test
        void reportedSymptomsAreRefusedEvenWhereQuestionsAreNotRequired_Beijing() {
            assertDecision(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).answers("3号楼", true).decide(),
                    Verdict.REFUSE, SYMPTOMS);
        }

        @Test
        void noSymptomsPasses() {
            assertAllowed(entry(PolicyPreset.HUACHUAN_2021, EntrantCategory.RESIDENT).answers("3号楼", false).decide());
        }

        @Test
        void noMaskIsRefused() {
            assertDecision(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).mask(false).decide(),
                    Verdict.REFUSE, NO_MASK);
        }

        @Test
        void maskNotRecordedCountsAsNoMask() {
            assertDecision(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).mask(null).decide(),
                    Verdict.REFUSE, NO_MASK);
        }
    }

    // ------------------------------------------------------------------ entrance, credential

    @Nested
    class EntranceAndCredential {

        @Test
        void closedEntranceIsRefused() {
            assertDecision(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).entranceClosed().decide(),
                    Verdict.REFUSE, ENTRANCE_CLOSED);
        }

        @Test
        void closedEntranceReleasesNoOne() {
            assertDecision(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).leaving().entranceClosed().decide(),
                    Verdict.REFUSE, ENTRANCE_CLOSED);
        }

        @Test
        void credentialPresentButNotVerifiedIsRefused() {
            var decision = entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).credential(false, false).decide();

            assertDecision(decision, Verdict.REFUSE, CREDENTIAL_NOT_VERIFIED);
            assertThat(detailOf(decision, CREDENTIAL_NOT_VERIFIED)).isEqualTo("PASS");
        }

        @Test
        void residentThroughAccessControlNeedsNoSecondCredentialCheck_ACC04() {
            assertAllowed(entry(PolicyPreset.BEIJING_2022, EntrantCategory.RESIDENT).credential(false, true).decide());
        }

        @Test
        void tenantThroughAccessControlNeedsNoSecondCredentialCheck_ACC04() {
            assertAllowed(entry(PolicyPreset.BEIJING_2022, EntrantCategory.TENANT).credential(false, true).decide());
        }

        @Test
        void visitorThroughAccessControlMustStillHaveTheCredentialVerified() {
            assertDecision(entry(PolicyPreset.BEIJING_2022, EntrantCategory.VISITOR).credential(false, true).decide(),
                    Verdict.REFUSE, CREDENTIAL_NOT_VERIFIED);
        }

        @Test
        void unverifiedCredentialDoesNotMatterWhereNoCredentialIsRequired_QuanzhouResident() {
            assertAllowed(entry(PolicyPreset.QUANZHOU_2021, EntrantCategory.RESIDENT).credential(false, false).decide());
        }
    }
}
