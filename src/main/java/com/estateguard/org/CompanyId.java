package com.estateguard.org;

/** A property company's id, head office or branch. */
public record CompanyId(long value) {

    public static CompanyId of(long value) {
        return new CompanyId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
