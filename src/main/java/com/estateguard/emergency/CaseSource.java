package com.estateguard.emergency;

/**
 * Where the case person was taken from: the residents register, a check record at the gate, a staff
 * member, or typed in as a new person. {@code sourceRef} names the record (its id) where there is one.
 */
public enum CaseSource {
    REGISTER, CHECK, STAFF, NEW
}
