package com.estateguard.org;

/**
 * Where a list reads once its reader has narrowed it to a region or an estate (the list behind a cockpit number,
 * issue 12 §2): {@code path} is the reader's own scope or the chosen region's or estate's path inside it, bound as the
 * list's {@code :scope} ({@link EstateScope}), so the narrowing is the scope itself and filtered in SQL where every
 * scope is. {@code region} and {@code estate} are what was chosen, null when nothing was.
 */
public record ListScope(String path, RegionRef region, EstateRef estate) {

    public ListScope {
        EstateScope.bind(path);
    }

    /** The chosen region's id, for the list's links (null: none chosen). */
    public Long regionId() {
        return region == null ? null : region.id();
    }

    /** The chosen estate's id, for the list's links (null: none chosen). */
    public Long estateId() {
        return estate == null ? null : estate.id();
    }
}
