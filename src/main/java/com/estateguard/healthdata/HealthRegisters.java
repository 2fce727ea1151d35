package com.estateguard.healthdata;

import java.time.Instant;

/**
 * The platform's own health registers (核酸比对登记簿 and health-code status lists), as other
 * modules may write them: one entry at a time, for demo data and integrations. File imports and
 * their batches stay inside healthdata.
 */
public interface HealthRegisters {

    enum Kind { NAT, HEALTH_CODE }

    /**
     * One register entry; a repeat (same person and time) changes nothing.
     *
     * @param value a NatResult name for NAT, a CodeStatus name for HEALTH_CODE
     */
    void record(Kind kind, String idNumber, String name, Instant at, String value, String actor);

    /** True when the person (by their keyed ID number) has an entry in that register, whatever its result. */
    boolean registered(Kind kind, String personKey);
}
