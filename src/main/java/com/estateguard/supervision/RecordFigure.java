package com.estateguard.supervision;

import java.math.BigDecimal;
import java.util.List;

/**
 * One figure from an estate's records beside an inspection item.
 *
 * @param key        the figure's key (see {@link RecordEvidence#keys()})
 * @param share      how far the records show the item met, from 0 to 1 (compared with the item's score share), or null when the figure is not a share
 * @param summaryKey message key of the sentence shown beside the item (e.g. "覆盖 7 天中 168 小时")
 * @param args       the sentence's arguments
 */
public record RecordFigure(String key, BigDecimal share, String summaryKey, List<Object> args) {
}
