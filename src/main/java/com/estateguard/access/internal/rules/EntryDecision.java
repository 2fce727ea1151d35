package com.estateguard.access.internal.rules;

import com.estateguard.access.Verdict;
import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** The verdict and every reason behind it, not only the first. */
public record EntryDecision(Verdict verdict, List<Reason<ReasonCode>> reasons) {

    static EntryDecision of(List<Reason<ReasonCode>> reasons) {
        if (reasons.stream().anyMatch(r -> r.code().outcome() == ReasonCode.Outcome.REFUSE)) {
            return new EntryDecision(Verdict.REFUSE, reasons);
        }
        return new EntryDecision(reasons.isEmpty() ? Verdict.ALLOW : Verdict.REFER, reasons);
    }

    public List<ReasonCode> codes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
