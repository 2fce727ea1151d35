package com.estateguard.evidence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a verification found (校验结果): intact (完整) when no break was found; otherwise the breaks
 * in chain order, the first one first. Rows a signed purge removed are counted as purged, per
 * purge, not as breaks; rows committed but not yet sealed are pending, not broken.
 *
 * @param sealed    seals checked
 * @param purgedBy  rows found missing and removed by a purge, per purge id
 * @param pending   evidence rows in scope not sealed yet
 * @param breaks    the first {@value #SHOWN} breaks
 * @param breakCount every break found
 */
public record ChainReport(Instant checkedAt, LocalDate from, LocalDate to, boolean intact, long sealed,
                          Map<Long, Long> purgedBy, long pending, List<Break> breaks, long breakCount) {

    static final int SHOWN = 50;

    public long purged() {
        return purgedBy.values().stream().mapToLong(Long::longValue).sum();
    }

    public Break firstBreak() {
        return breaks.isEmpty() ? null : breaks.get(0);
    }

    /** One broken link: where (kind, table, row, estate, day, place in the chain) and what. */
    public record Break(String kind, String table, long rowId, long estateId, LocalDate day, int seq, Problem problem) {
    }

    public enum Problem {
        /** The row is there but its content is not what was sealed. */
        ALTERED,
        /** The row is gone and no signed purge removed it. */
        MISSING,
        /** A seal's link does not follow from the previous link and its content hash (the seals were rewritten). */
        LINK_BROKEN,
        /** A seal is missing from the chain (a gap in its sequence, or the chain ends before a purge's signed head). */
        SEAL_MISSING,
        /** A purge record whose signature does not hold. */
        FORGED_PURGE
    }
}
