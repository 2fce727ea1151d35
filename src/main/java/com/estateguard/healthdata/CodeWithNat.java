package com.estateguard.healthdata;

/**
 * A scanned health code resolved, with the person's newest NAT (null when no source has one), found together:
 * the gate needs both for every scanned code.
 */
public record CodeWithNat(HealthCodeResult code, NatRecord nat) {
}
