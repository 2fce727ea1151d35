package com.estateguard.policy;

/** Identifies a policy version (政策版本). */
public record PolicyVersionId(long value) {
}
