package com.estateguard.common.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV as Excel writes it (RFC 4180 quoting), in UTF-8 or, failing that, GB18030. */
final class CsvRows {

    // Empty lines are kept as records so record numbers stay the row numbers Excel shows.
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
    // Excel in China saves "CSV" in the ANSI code page, GBK; GB18030 decodes all of GBK.
    private static final Charset CHINESE_EXCEL = Charset.forName("GB18030");
    private static final String BOM = "\uFEFF";

    private CsvRows() {
    }

    static void read(InputStream in, RowCollector rows) throws IOException {
        String text = decode(in.readAllBytes());
        try (CSVParser parser = CSVParser.parse(text.startsWith(BOM) ? text.substring(1) : text, FORMAT)) {
            for (CSVRecord record : parser) {
                rows.add(Math.toIntExact(record.getRecordNumber()), record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Only parsing happens in here, so any failure is a malformed file, not a failing disk.
            throw TabularReader.unreadable(e);
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return strict(StandardCharsets.UTF_8, bytes);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(CHINESE_EXCEL, bytes);
            } catch (CharacterCodingException neither) {
                throw TabularReader.unreadable(neither);
            }
        }
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
