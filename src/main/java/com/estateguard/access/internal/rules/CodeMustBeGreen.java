package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.healthdata.CodeStatus;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** ACC-05, ACC-12: only a green code passes (a status not known is {@link CodeStatusVerified}'s question). */
final class CodeMustBeGreen implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        var code = c.evidence().healthCode();
        return code != null && code.status() != null && code.status() != CodeStatus.GREEN
                ? List.of(EntryReason.of(ReasonCode.CODE_NOT_GREEN, code.status().name())) : List.of();
    }
}
