package com.estateguard.common.tabular;

import com.estateguard.common.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads an uploaded CSV or Excel (.xlsx) file into a {@link TabularFile}, the same way for every
 * import: blank rows skipped, cells trimmed, at most {@code maxDataRows} rows under the header.
 * A file that cannot be read is the user's to fix, so it is an {@link InvalidInputException}
 * ({@code error.import.unreadable}), never a server error.
 */
public final class TabularReader {

    private TabularReader() {
    }

    /** Chooses the format by the file name's extension; anything but .xlsx is read as CSV. */
    public static TabularFile read(String fileName, InputStream in, int maxDataRows) throws IOException {
        RowCollector rows = new RowCollector(maxDataRows);
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            ExcelRows.read(in, rows);
        } else {
            CsvRows.read(in, rows);
        }
        return rows.file();
    }

    /**
     * Reads the file the same way as {@link #read} but hands each row under the header to {@code dataRow}
     * as soon as it is read (in file order, on the calling thread), so an import can check and write the
     * first rows while the rest are still being read. Returns how many rows it handed over.
     */
    public static int stream(String fileName, InputStream in, int maxDataRows, Consumer<TabularRow> dataRow) throws IOException {
        RowCollector rows = new RowCollector(maxDataRows, dataRow);
        try {
            if (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                ExcelRows.read(in, rows);
            } else {
                CsvRows.read(in, rows);
            }
        } catch (RowCollector.SinkFailed failed) {
            // The receiver's own failure, not an unreadable file: it gets its exception back as it was.
            throw failed.cause();
        }
        return rows.passed();
    }

    static InvalidInputException unreadable(Exception cause) {
        InvalidInputException unreadable = new InvalidInputException("error.import.unreadable");
        // Kept for the log only; the user sees the message key's text.
        unreadable.initCause(cause);
        return unreadable;
    }
}
