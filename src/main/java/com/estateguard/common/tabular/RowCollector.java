package com.estateguard.common.tabular;

import com.estateguard.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gathers rows as a format reads them: trims cells, drops blank rows, stops at the row cap. With a
 * sink, the rows under the header go to it as they are read instead of being kept.
 */
final class RowCollector {

    private final int maxDataRows;
    private final List<TabularRow> rows = new ArrayList<>();
    private final Consumer<TabularRow> dataRows;
    private int passed;

    RowCollector(int maxDataRows) {
        this(maxDataRows, null);
    }

    RowCollector(int maxDataRows, Consumer<TabularRow> dataRows) {
        this.maxDataRows = maxDataRows;
        this.dataRows = dataRows;
    }

    void add(int number, List<String> cells) {
        List<String> trimmed = cells.stream().map(c -> c == null ? "" : c.trim()).toList();
        if (trimmed.stream().allMatch(String::isBlank)) {
            return;
        }
        // Checked while reading, so an oversized file is refused before it is all in memory.
        if (rows.size() + passed > maxDataRows) {
            throw new InvalidInputException("error.import.tooMany", maxDataRows);
        }
        if (dataRows != null && !rows.isEmpty()) {
            passed++;
            try {
                dataRows.accept(new TabularRow(number, trimmed));
            } catch (RuntimeException e) {
                throw new SinkFailed(e);
            }
        } else {
            rows.add(new TabularRow(number, trimmed));
        }
    }

    /** What the sink threw, carried past the formats' own handling of unreadable files. */
    static final class SinkFailed extends RuntimeException {
        SinkFailed(RuntimeException cause) {
            super(cause);
        }

        RuntimeException cause() {
            return (RuntimeException) getCause();
        }
    }

    /** How many rows under the header went to the sink. */
    int passed() {
        return passed;
    }

    /** How many columns the header has, 0 before it is read. */
    int headerWidth() {
        return rows.isEmpty() ? 0 : rows.get(0).cells().size();
    }

    TabularFile file() {
        return new TabularFile(rows);
    }
}
