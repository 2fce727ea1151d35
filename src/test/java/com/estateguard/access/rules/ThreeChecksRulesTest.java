package com.estateguard.access.rules;

import static com.estateguard.access.rules.EntryRulesTest.assertAllowed;
import static com.estateguard.access.rules.EntryRulesTest.assertDecision;
import static com.estateguard.access.rules.EntryRulesTest.entry;
import static com.estateguard.policy.ReasonCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.access.Verdict;
import com.estateguard.access.internal.Evidence.CredentialEvidence;
import com.estateguard.access.internal.Evidence.CredentialType;
import com.estateguard.access.internal.Evidence.ThreeChecks;
import com.estateguard.access.internal.Evidence.TravelCode;
import com.estateguard.access.internal.TravelCodeParameters;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyPreset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "一测二问三核查" (001, ACC-08): the ID document (身份证), the residence permit (居住证) and the
 * travel code (行程码), each required per category by the policy and each with its own reason.
 */
class ThreeChecksRulesTest {

    /** Huachuan 2021 as stored: its checkpoint numbers and its travel-code group (no star, no risk area). */
    private static final PolicyParameters HUACHUAN = withTravelCode(PolicyPreset.HUACHUAN_2021.parameters(), false, false);
    /** Beijing 2022 as stored: the travel code decides nothing. */
    private static final PolicyParameters BEIJING = withTravelCode(PolicyPreset.BEIJING_2022.parameters(), true, true);

    private static final ThreeChecks NONE = new ThreeChecks(null, null, null);

    private static PolicyParameters withTravelCode(PolicyParameters p, boolean starAllowed, boolean riskAreaAllowed) {
        return p.withGroups(Map.of("travelCode", new TravelCodeParameters(starAllowed, riskAreaAllowed)));
    }

    private static PolicyParameters requiring(CheckKind... kinds) {
        return withTravelCode(EntryRulesTest.requiring(PolicyPreset.BEIJING_2022.parameters(), kinds), false, false);
    }

    // ------------------------------------------------------------------ each reason on its own

    @Test
    void anIdDocumentNotCheckedIsRefused() {
        assertDecision(entry(requiring(CheckKind.ID_DOCUMENT), EntrantCategory.VISITOR)
                .threeChecks(new ThreeChecks(false, true, TravelCode.NORMAL)).decide(), Verdict.REFUSE, MISSING_ID_DOCUMENT);
    }

    @Test
    void anIdDocumentVerifiedAsTheCredentialCountsAsChecked() {
        assertAllowed(entry(requiring(CheckKind.ID_DOCUMENT), EntrantCategory.VISITOR).threeChecks(NONE)
                .credential(new CredentialEvidence(CredentialType.ID_DOCUMENT, "身份证", true, false)).decide());
    }

    @Test
    void anIdDocumentPresentedButNotVerifiedIsNotChecked() {
        assertDecision(entry(requiring(CheckKind.ID_DOCUMENT), EntrantCategory.VISITOR).threeChecks(NONE)
                .credential(new CredentialEvidence(CredentialType.ID_DOCUMENT, "身份证", false, false)).decide(),
                Verdict.REFUSE, MISSING_ID_DOCUMENT);
    }

    @Test
    void aResidencePermitNotCheckedIsRefused() {
        assertDecision(entry(requiring(CheckKind.RESIDENCE_PERMIT), EntrantCategory.TENANT)
                .threeChecks(new ThreeChecks(true, null, TravelCode.NORMAL)).decide(), Verdict.REFUSE, MISSING_RESIDENCE_PERMIT);
    }

    @Test
    void aTravelCodeNotRecordedIsRefused() {
        assertDecision(entry(requiring(CheckKind.TRAVEL_CODE), EntrantCategory.VISITOR).travelCode(null).decide(),
                Verdict.REFUSE, MISSING_TRAVEL_CODE);
    }

    @Test
    void aTravelCodeAskedForAndNotShownIsNotChecked() {
        assertDecision(entry(requiring(CheckKind.TRAVEL_CODE), EntrantCategory.VISITOR).travelCode(TravelCode.NOT_SHOWN).decide(),
                Verdict.REFUSE, MISSING_TRAVEL_CODE);
    }

    @Test
    void aStarredTravelCodeGoesToTheShiftLeader() {
        assertDecision(entry(requiring(CheckKind.TRAVEL_CODE), EntrantCategory.VISITOR).travelCode(TravelCode.STARRED).decide(),
                Verdict.REFER, TRAVEL_CODE_STARRED);
    }

    @Test
    void aTravelCodeFromARiskAreaIsRefused() {
        assertDecision(entry(requiring(CheckKind.TRAVEL_CODE), EntrantCategory.VISITOR).travelCode(TravelCode.RISK_AREA).decide(),
                Verdict.REFUSE, TRAVEL_CODE_RISK);
    }

    @Test
    void aNormalTravelCodePasses() {
        assertAllowed(entry(requiring(CheckKind.TRAVEL_CODE), EntrantCategory.VISITOR).travelCode(TravelCode.NORMAL).decide());
    }

    @Test
    void aPolicyThatAllowsAStarLetsItPass() {
        var lenient = withTravelCode(EntryRulesTest.requiring(PolicyPreset.BEIJING_2022.parameters(), CheckKind.TRAVEL_CODE), true, false);
        assertAllowed(entry(lenient, EntrantCategory.VISITOR).travelCode(TravelCode.STARRED).decide());
        assertDecision(entry(lenient, EntrantCategory.VISITOR).travelCode(TravelCode.RISK_AREA).decide(), Verdict.REFUSE, TRAVEL_CODE_RISK);
    }

    @Test
    void allThreeMissingGiveThreeReasons() {
        var decision = entry(requiring(CheckKind.ID_DOCUMENT, CheckKind.RESIDENCE_PERMIT, CheckKind.TRAVEL_CODE), EntrantCategory.VISITOR)
                .threeChecks(NONE).decide();
        assertDecision(decision, Verdict.REFUSE, MISSING_ID_DOCUMENT, MISSING_RESIDENCE_PERMIT, MISSING_TRAVEL_CODE);
    }

    @Test
    void leavingIsNotAskedForTheThreeChecks() {
        assertAllowed(entry(HUACHUAN, EntrantCategory.VISITOR).threeChecks(NONE).leaving().decide());
    }

    // ------------------------------------------------------------------ 001 Huachuan 2021 by category

    @Test
    void huachuanVisitorWithoutATravelCodeIsRefused() {
        assertDecision(entry(HUACHUAN, EntrantCategory.VISITOR).threeChecks(new ThreeChecks(true, null, null)).decide(),
                Verdict.REFUSE, MISSING_TRAVEL_CODE);
    }

    @Test
    void huachuanVisitorWithTheIdAndANormalTravelCodeIsAllowed() {
        assertAllowed(entry(HUACHUAN, EntrantCategory.VISITOR).threeChecks(new ThreeChecks(true, null, TravelCode.NORMAL)).decide());
    }

    @Test
    void huachuanRenovationWorkerNeedsTheIdAndTheTravelCode() {
        assertDecision(entry(HUACHUAN, EntrantCategory.RENOVATION_WORKER).threeChecks(NONE).decide(),
                Verdict.REFUSE, MISSING_ID_DOCUMENT, MISSING_TRAVEL_CODE);
    }

    @Test
    void huachuanTenantNeedsTheResidencePermitAndTheTravelCode() {
        assertDecision(entry(HUACHUAN, EntrantCategory.TENANT).threeChecks(NONE).decide(),
                Verdict.REFUSE, MISSING_RESIDENCE_PERMIT, MISSING_TRAVEL_CODE);
    }

    @Test
    void huachuanTenantWithAllThreeCheckedIsAllowed() {
        assertAllowed(entry(HUACHUAN, EntrantCategory.TENANT).threeChecks(new ThreeChecks(true, true, TravelCode.NORMAL)).decide());
    }

    @Test
    void huachuanResidentIsNotAskedForTheThreeChecks() {
        assertAllowed(entry(HUACHUAN, EntrantCategory.RESIDENT).threeChecks(NONE).decide());
    }

    @Test
    void huachuanTurnsAwayARiskAreaTravelCodeAndReportsItToTheCommunity() {
        assertDecision(entry(HUACHUAN, EntrantCategory.VISITOR).travelCode(TravelCode.RISK_AREA).decide(),
                Verdict.REFUSE, TRAVEL_CODE_RISK);
        assertThat(HUACHUAN.followUpsFor(TRAVEL_CODE_RISK)).isNotEmpty();
    }

    // ------------------------------------------------------------------ the other presets do not change

    @ParameterizedTest
    @EnumSource(value = PolicyPreset.class, names = "HUACHUAN_2021", mode = EnumSource.Mode.EXCLUDE)
    void otherPresetsAskForNoneOfTheThree(PolicyPreset preset) {
        for (EntrantCategory category : EntrantCategory.values()) {
            assertThat(preset.parameters().required(category))
                    .as("%s %s", preset, category).noneMatch(CheckKind::threeChecks);
        }
    }

    @ParameterizedTest
    @EnumSource(EntrantCategory.class)
    void beijingDecidesAsBeforeWhateverTheThreeChecksSay(EntrantCategory category) {
        var without = entry(BEIJING, category).threeChecks(NONE).decide();
        var risky = entry(BEIJING, category).threeChecks(new ThreeChecks(false, false, TravelCode.RISK_AREA)).decide();
        assertThat(risky.codes()).isEqualTo(without.codes());
        assertThat(risky.codes()).noneMatch(c -> c.name().contains("TRAVEL_CODE")
                || c == MISSING_ID_DOCUMENT || c == MISSING_RESIDENCE_PERMIT);
    }
}
