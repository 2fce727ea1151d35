package com.estateguard.emergency.internal.screening;

import com.estateguard.healthdata.NatResult;
import java.time.Instant;
import java.util.List;

/** A tube taken on site in a round: one person's (单采) or a pool's (混管), with its result. */
public record Sample(long id, String code, boolean pooled, NatResult result, Instant sampledAt, String createdBy,
                     List<String> members) {

    /** What this sample says about each of its members: a positive pool only says "test again alone". */
    TestStatus statusOfMembers() {
        if (result == NatResult.NEGATIVE) {
            return TestStatus.NEGATIVE;
        }
        return pooled ? TestStatus.RETEST : TestStatus.POSITIVE;
    }
}
