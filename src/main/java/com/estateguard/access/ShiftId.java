package com.estateguard.access;

/** A duty shift's id, as the checkpoint knows it. */
public record ShiftId(long value) {

    public static ShiftId of(long value) {
        return new ShiftId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
