package com.estateguard.org;

/** An estate's id (小区). */
public record EstateId(long value) {

    public static EstateId of(long value) {
        return new EstateId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
