package com.estateguard.common.tabular;

import java.util.List;

/** One non-blank row of an uploaded table: its 1-based row number and its trimmed cells. */
public record TabularRow(int number, List<String> cells) {

    public TabularRow {
        cells = List.copyOf(cells);
    }

    /** The cell in that column, or "" when the row ends before it. */
    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }
}
