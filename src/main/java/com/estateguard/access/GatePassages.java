package com.estateguard.access;

import com.estateguard.org.EstateId;
import java.time.Instant;
import java.util.Optional;

/**
 * Who passed the estate's gates, for the modules that follow people up (EMG-06, EMG-13): a leave
 * approval's leaving and return, a recovered case's return, matched from the check records rather
 * than typed. A passage is a check the gate did not refuse.
 */
public interface GatePassages {

    /** The first passage of the person (their person key) in that direction strictly after the moment. */
    Optional<Instant> firstAfter(EstateId estate, String personKey, Direction direction, Instant after);
}
