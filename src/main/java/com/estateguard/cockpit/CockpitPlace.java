package com.estateguard.cockpit;

/**
 * The place a cockpit view shows, already checked against the viewer's scope: a region (its id and path, "R/1/4/") or
 * one estate (its id and its own path, "R/1/4/9/12/E3/"). The ports below read the estates whose path starts with
 * {@code path}, bound as the data scope.
 */
public record CockpitPlace(boolean estate, long id, String path) {
}
