/**
 * The audit trail (审计日志, PIPL): an append-only record of who saw a full ID number, who exported
 * a register, who looked a person up at the gate and every sign-in. Other modules record through
 * the AuditTrail port; it depends on no feature module, so any of them (identity too) may use it.
 */
@ApplicationModule(allowedDependencies = {"common", "org"})
package com.estateguard.audit;

import org.springframework.modulith.ApplicationModule;
