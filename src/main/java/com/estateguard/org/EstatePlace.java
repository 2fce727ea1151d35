package com.estateguard.org;

/** Where an estate lies and no more: for views over thousands of estates (coverage by region). */
public record EstatePlace(long id, String name, String regionPath) {
}
