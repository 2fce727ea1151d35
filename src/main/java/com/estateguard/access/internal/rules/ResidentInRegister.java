package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * ACC-04: a resident or tenant comes in on a valid pass or as a person of the estate's residents
 * register (the access-control system's residents are in it too). A name typed at the gate or sent
 * by a terminal is not a resident: without either, the shift leader checks (REFER).
 */
final class ResidentInRegister implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        return Boolean.FALSE.equals(c.residentResolved())
                ? List.of(EntryReason.of(ReasonCode.NOT_IN_RESIDENT_REGISTER)) : List.of();
    }
}
