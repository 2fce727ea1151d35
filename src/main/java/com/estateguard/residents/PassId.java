package com.estateguard.residents;

/** Identifies a resident pass (出入证). */
public record PassId(long value) {
}
