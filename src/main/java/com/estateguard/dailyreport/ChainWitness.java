package com.estateguard.dailyreport;

import java.time.LocalDate;
import java.util.List;

/**
 * The witness a submitted daily report carries (见证): the heads of the day's evidence chains,
 * sealed just before the report is sent, so a later rewrite of the day would contradict what the
 * authority received. The daily report asks through this port; the evidence module answers.
 */
public interface ChainWitness {

    /** Seals the estate's pending evidence of that day, then returns the head of each of its chains. */
    List<ChainHead> sealAndHeads(long estateId, LocalDate day);

    /**
     * The last link of one chain.
     *
     * @param kind   the kind of evidence (e.g. CHECK)
     * @param length how many rows the chain has sealed
     * @param link   the hex SHA-256 of the last link
     */
    record ChainHead(String kind, int length, String link) {
    }
}
