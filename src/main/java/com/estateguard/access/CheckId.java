package com.estateguard.access;

/** A recorded check's id (one person, one entry or exit). */
public record CheckId(long value) {

    public static CheckId of(long value) {
        return new CheckId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
