package com.estateguard.org;

/** A region's id: a city, district, street (街道/镇) or community (社区). */
public record RegionId(long value) {

    public static RegionId of(long value) {
        return new RegionId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
