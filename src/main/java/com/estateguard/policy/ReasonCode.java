package com.estateguard.policy;

/**
 * Why a check did not simply allow entry. Each reason carries its own outcome: most refuse,
 * a few refer the case to the shift leader (a declared emergency in curfew, a claimed exception).
 */
public enum ReasonCode {
    MISSING_TEMPERATURE(Outcome.REFUSE), MISSING_HEALTH_CODE(Outcome.REFUSE), MISSING_CREDENTIAL(Outcome.REFUSE),
    MISSING_NAT(Outcome.REFUSE), MISSING_QUESTIONS(Outcome.REFUSE),
    CODE_SHOWN_NOT_SCANNED(Outcome.REFUSE), CODE_NOT_GREEN(Outcome.REFUSE),
    FEVER(Outcome.REFUSE), SYMPTOMS(Outcome.REFUSE),
    NAT_EXPIRED(Outcome.REFUSE), NAT_POSITIVE(Outcome.REFUSE),
    CREDENTIAL_NOT_VERIFIED(Outcome.REFUSE), NO_MASK(Outcome.REFUSE),
    CURFEW(Outcome.REFUSE), CURFEW_EMERGENCY(Outcome.REFER), ENTRANCE_CLOSED(Outcome.REFUSE),
    LOCKDOWN(Outcome.REFUSE), OUTSIDER_NOT_ALLOWED(Outcome.REFUSE), OUTSIDER_EXCEPTION(Outcome.REFER),
    COURIER_KEPT_OUT(Outcome.REFUSE), OUTSIDE_VEHICLE(Outcome.REFUSE),
    /** A resident pass that fails verification at the gate (ACC-04, RES-03). */
    PASS_FORGED(Outcome.REFUSE), PASS_REVOKED(Outcome.REFUSE), PASS_EXPIRED(Outcome.REFUSE), PASS_OTHER_ESTATE(Outcome.REFUSE),
    /** Someone the policy wants in the NAT comparison register (核酸比对登记簿, "一登三查", 000) who is not in it. */
    NOT_IN_NAT_REGISTER(Outcome.REFUSE),
    /** "三核查" (001): an ID document, residence permit or travel code the policy asks for and the guard did not check. */
    MISSING_ID_DOCUMENT(Outcome.REFUSE), MISSING_RESIDENCE_PERMIT(Outcome.REFUSE), MISSING_TRAVEL_CODE(Outcome.REFUSE),
    /** A travel code with a star (visited a city with a risk area): the shift leader asks and decides. */
    TRAVEL_CODE_STARRED(Outcome.REFER),
    /** A travel code showing a stay in a medium or high risk area. */
    TRAVEL_CODE_RISK(Outcome.REFUSE),
    /** A code typed or pasted by hand on the gate page: like a shown code, not a scan ("不得以亮码代替扫码"). */
    CODE_TYPED_NOT_SCANNED(Outcome.REFUSE),
    /** The health code or NAT the decision rests on came only from the demo source (演示数据): never a ground for ALLOW. */
    DEMO_SOURCE_ONLY(Outcome.REFER),
    /**
     * A resident or tenant with no valid pass who is not in the estate's residents register (or could
     * not be identified): the shift leader checks and registers them; the platform does not take the name on trust.
     */
    NOT_IN_RESIDENT_REGISTER(Outcome.REFER),
    /** A key-group member or managed contact leaving during an incident without a leave approval in force (004, EMG-06). */
    LEAVE_NOT_APPROVED(Outcome.REFUSE),
    /** A recovered case returning before the protocol's monitoring days after discharge are over (004, EMG-13). */
    RECOVERY_MONITORING_NOT_OVER(Outcome.REFUSE),
    /** A recovered case returning without a negative NAT taken since discharge (004, EMG-13). */
    RECOVERY_NAT_NOT_NEGATIVE(Outcome.REFUSE),
    /**
     * A scanned health code whose status the gate could not ask the platform's registers for (an
     * offline gate, issue 11): it is not verified, so the shift leader decides; the server decides again on sync.
     */
    CODE_NOT_VERIFIED(Outcome.REFER);

    public enum Outcome { REFUSE, REFER }

    private final Outcome outcome;

    ReasonCode(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
