package com.estateguard.cockpit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The checkpoint's entry counts per estate and hour, as the cockpit keeps them: computed by the module
 * that owns the check records (the checkpoint implements this), stored and served by the cockpit. A
 * count is of entries (direction in) as they stand: a corrected record is replaced by its correction.
 * Figures are named {@code ENTRY.<verdict>} and, for refusals, {@code REFUSAL.<reason code>}.
 */
public interface CheckRollups {

    /**
     * The changes to the counts made by the records with an id above {@code after}, in id order, at most
     * {@code limit} records, stopping before the first record younger than {@code settle} (so that a record
     * committed a moment late, with a lower id, is not stepped over). A correction adds its own entry and
     * takes away the record it corrects (once, at that record's hour).
     */
    Increment since(long after, Duration settle, int limit);

    /** The counts recomputed from the records with an id up to {@code upTo}, for the hours in [from, to). */
    List<HourCount> recount(Instant from, Instant to, long upTo);

    /** One figure of one estate in the hour starting at {@code hour}: a count, or a change to it. */
    record HourCount(long estateId, Instant hour, String figure, long n) {
    }

    /** The changes, the highest record id they cover and how many records were read. */
    record Increment(long watermark, int records, List<HourCount> changes) {
    }
}
