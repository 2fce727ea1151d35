package com.estateguard.policy;

/** A policy version's id; versions never change, so an id names exact numbers. */
public record PolicyVersionId(long value) {

    public static PolicyVersionId of(long value) {
        return new PolicyVersionId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
