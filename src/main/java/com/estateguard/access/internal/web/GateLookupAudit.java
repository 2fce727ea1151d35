package com.estateguard.access.internal.web;

import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.CurrentUser;
import com.estateguard.healthdata.HealthCodeResult;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A gate look-up of a person goes to the audit trail (PIPL): who looked up which code, in which
 * estate, and whom it found. The code is kept masked: an ID number by its mask, any other code by
 * its first and last four characters, so the trail can recognise it but not replay it.
 */
@Component
class GateLookupAudit {

    private static final int KEEP = 4;

    private final AuditTrail trail;

    GateLookupAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void record(CurrentUser guard, String code, Optional<HealthCodeResult> found) {
        String whom = found.map(c -> c.personName() + " " + c.idMasked()).orElse("未找到");
        trail.record(AuditEntry.by(guard, AuditAction.GATE_LOOKUP, maskedCode(code) + " → " + whom));
    }

    static String maskedCode(String code) {
        String text = code == null ? "" : code.strip();
        String masked = AuditEntry.masked(text);
        if (!masked.equals(text) || text.length() <= 3 * KEEP) {
            return masked;
        }
        return text.substring(0, KEEP) + "…" + text.substring(text.length() - KEEP);
    }
}
