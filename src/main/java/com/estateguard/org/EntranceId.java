package com.estateguard.org;

/** An entrance's id (出入口), where checks are recorded. */
public record EntranceId(long value) {

    public static EntranceId of(long value) {
        return new EntranceId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
