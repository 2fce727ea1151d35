package com.estateguard.audit;

/**
 * The port every module records through. An entry is written in a transaction of its own, so it is
 * kept even when the caller's transaction is read-only or rolls back.
 */
public interface AuditTrail {

    void record(AuditEntry entry);
}
