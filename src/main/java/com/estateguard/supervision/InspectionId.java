package com.estateguard.supervision;

/** A submitted inspection's id. A correction is a new inspection pointing at the one it corrects. */
public record InspectionId(long value) {

    public static InspectionId of(long value) {
        return new InspectionId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
