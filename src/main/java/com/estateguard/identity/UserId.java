package com.estateguard.identity;

/** A user account's id: a person who logs in, never a device. */
public record UserId(long value) {

    public static UserId of(long value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
