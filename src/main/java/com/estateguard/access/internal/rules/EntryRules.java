package com.estateguard.access.internal.rules;

import com.estateguard.common.Rule;
import java.util.List;

/**
 * The checkpoint decision (卡口查验): every rule is asked and every reason kept. "四个不得" hold
 * by construction: a shown or typed code fails {@link CodeMustBeScanned}; a required check that is
 * missing fails {@link RequiredChecksPresent}; groups are decided one person at a time; a demo
 * result alone never allows ({@link DemoSourceIsNoGround}).
 *
 * <p>The offline gate page decides by the same rules in static/js/gate-rules.js: a rule changed here
 * is changed there, and src/test/resources/gate-decision-cases.json holds both to the same answers.
 */
public final class EntryRules {

    private static final List<EntryRule> ENTERING = List.of(
            new EntranceMustBeOpen(), new CurfewWindow(), new LockdownKeepsOutsidersOut(), new OutsiderPolicyRule(),
            new CourierPolicyRule(), new OutsideVehicleRule(), new RequiredChecksPresent(), new CodeMustBeScanned(),
            new CodeMustBeGreen(), new CodeStatusVerified(), new TemperatureWithinLimit(), new NatWithinWindow(), new NoSymptoms(),
            new MaskWorn(), new CredentialVerified(), new PassMustBeValid(), new InNatRegister(),
            new IdDocumentChecked(), new ResidencePermitChecked(), new TravelCodeChecked(), new TravelCodeClear(),
            new DemoSourceIsNoGround(), new ResidentInRegister(), new MovementRestricted());
    private static final List<EntryRule> LEAVING = List.of(new EntranceMustBeOpen(), new CurfewWindow(), new MovementRestricted());
    /** ACC-15: leaving under a policy that checks it (a lockdown), temperature and health code as on the way in. */
    private static final List<EntryRule> LEAVING_CHECKED = List.of(new EntranceMustBeOpen(), new CurfewWindow(),
            new LeavingChecksPresent(), new CodeMustBeScanned(), new CodeMustBeGreen(), new CodeStatusVerified(), new TemperatureWithinLimit(),
            new NoSymptoms(), new DemoSourceIsNoGround(), new MovementRestricted());

    private EntryRules() {
    }

    public static EntryDecision decide(EntryContext context) {
        List<EntryRule> rules = context.entering() ? ENTERING : context.leavingChecked() ? LEAVING_CHECKED : LEAVING;
        return EntryDecision.of(Rule.everyReason(rules, context));
    }
}
