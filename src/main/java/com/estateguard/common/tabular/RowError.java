package com.estateguard.common.tabular;

/**
 * A row an import refused, with its row number as the user sees it in Excel and the reason in
 * words. Stored as {@code {row, reason}} in the import batch tables, so the shape stays.
 */
public record RowError(int row, String reason) {
}
