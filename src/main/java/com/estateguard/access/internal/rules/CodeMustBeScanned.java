package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * "不得以亮码代替扫码": a code held up on a screen fails, whatever its colour, and so does one typed
 * or pasted by hand on the gate page: only a scanner or the camera produces a scan.
 */
final class CodeMustBeScanned implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        var code = c.evidence().healthCode();
        if (code == null || !c.policy().scanRequired()) {
            return List.of();
        }
        return switch (code.acquisition()) {
            case SCANNED -> List.of();
            case SHOWN -> List.of(EntryReason.of(ReasonCode.CODE_SHOWN_NOT_SCANNED));
            case TYPED -> List.of(EntryReason.of(ReasonCode.CODE_TYPED_NOT_SCANNED));
        };
    }
}
