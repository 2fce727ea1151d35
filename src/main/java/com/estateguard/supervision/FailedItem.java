package com.estateguard.supervision;

import java.math.BigDecimal;

/**
 * An item that did not get full marks (or was answered "no").
 *
 * @param score the points given (null for a YES_NO_NA item)
 * @param max   the item's maximum points (null for a YES_NO_NA item)
 */
public record FailedItem(long itemId, String text, BigDecimal score, BigDecimal max) {
}
