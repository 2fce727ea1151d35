package com.estateguard.access.internal.rules;

import com.estateguard.access.internal.Evidence.CodeAcquisition;
import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** "不得以亮码代替扫码": a code held up on a screen fails, whatever its colour. */
final class CodeMustBeScanned implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        var code = c.evidence().healthCode();
        return code != null && code.acquisition() == CodeAcquisition.SHOWN && c.policy().scanRequired()
                ? List.of(EntryReason.of(ReasonCode.CODE_SHOWN_NOT_SCANNED)) : List.of();
    }
}
