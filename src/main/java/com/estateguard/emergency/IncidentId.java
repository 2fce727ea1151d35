package com.estateguard.emergency;

/** An emergency incident's id (疫情应急事件). */
public record IncidentId(long value) {

    public static IncidentId of(long value) {
        return new IncidentId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
