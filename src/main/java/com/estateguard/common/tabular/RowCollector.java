package com.estateguard.common.tabular;

import com.estateguard.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Gathers rows as a format reads them: trims cells, drops blank rows, stops at the row cap. */
final class RowCollector {

    private final int maxDataRows;
    private final List<TabularRow> rows = new ArrayList<>();

    RowCollector(int maxDataRows) {
        this.maxDataRows = maxDataRows;
    }

    void add(int number, List<String> cells) {
        List<String> trimmed = cells.stream().map(c -> c == null ? "" : c.trim()).toList();
        if (trimmed.stream().allMatch(String::isBlank)) {
            return;
        }
        // Checked while reading, so an oversized file is refused before it is all in memory.
        if (rows.size() > maxDataRows) {
            throw new InvalidInputException("error.import.tooMany", maxDataRows);
        }
        rows.add(new TabularRow(number, trimmed));
    }

    /** How many columns the header has, 0 before it is read. */
    int headerWidth() {
        return rows.isEmpty() ? 0 : rows.get(0).cells().size();
    }

    TabularFile file() {
        return new TabularFile(rows);
    }
}
