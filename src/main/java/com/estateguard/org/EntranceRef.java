package com.estateguard.org;

/** An entrance (出入口) of an estate; closed entrances admit no one. */
public record EntranceRef(long id, long estateId, String estateName, String estateRegionPath, String name,
                          EntranceKind kind, boolean open) {
}
