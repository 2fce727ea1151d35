package com.estateguard.common.tabular;

import java.util.List;

/** An uploaded table without its blank rows; the first row is the header. */
public record TabularFile(List<TabularRow> rows) {

    public TabularFile {
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The rows under the header, the ones an import checks and writes. */
    public List<TabularRow> dataRows() {
        return rows.isEmpty() ? List.of() : rows.subList(1, rows.size());
    }
}
