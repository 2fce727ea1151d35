package com.estateguard.emergency.internal.web;

import com.estateguard.emergency.internal.screening.ScreeningRounds;
import java.util.List;

/** A round's progress as JSON: totals and one row per building and unit (the staff on site last, building null). */
record ScreeningProgressJson(long roundId, int number, Counts total, List<Counts> places, long millis) {

    record Counts(String building, String unit, int due, int tested, int negative, int positive, int retest, int untested) {
    }

    static ScreeningProgressJson of(ScreeningRounds.Board board) {
        var t = board.total();
        return new ScreeningProgressJson(board.round().id(), board.round().number(),
                new Counts(null, null, t.due(), t.tested(), t.negative(), t.positive(), t.retest(), t.untested()),
                board.progress().stream().map(p -> new Counts(p.place().building(), p.place().unit(), p.due(), p.tested(), p.negative(),
                        p.positive(), p.retest(), p.untested())).toList(), board.millis());
    }
}
