package com.estateguard.common.tabular;

import com.estateguard.common.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** The first sheet of an Excel (.xlsx) workbook, read with FastExcel. */
final class ExcelRows {

    private ExcelRows() {
    }

    static void read(InputStream in, RowCollector rows) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Sheet sheet = workbook.getFirstSheet();
            if (sheet == null) {
                return;
            }
            try (Stream<Row> stream = sheet.openStream()) {
                stream.forEach(row -> rows.add(row.getRowNum(), cells(row, rows.headerWidth())));
            }
        } catch (InvalidInputException | RowCollector.SinkFailed notTheFile) {
            throw notTheFile;
        } catch (IOException | RuntimeException notAWorkbook) {
            // FastExcel reports a bad zip or a missing part as IOException or one of its runtime exceptions.
            throw TabularReader.unreadable(notAWorkbook);
        }
    }

    /** Excel leaves a row's empty trailing cells out; the header says how wide the table is. */
    private static List<String> cells(Row row, int headerWidth) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(headerWidth, row.getCellCount()); c++) {
            cells.add(c < row.getCellCount() ? row.getCellText(c) : "");
        }
        return cells;
    }
}
