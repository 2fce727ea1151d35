package com.estateguard.residents.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the register from Excel (.xlsx) or CSV in the template's columns. Every bad row is
 * reported with its row number and reason, the good rows are written, and a row equal to what the
 * register holds changes nothing, so importing the same file twice is harmless.
 */
@Service
public class ResidentImport {

    public static final List<String> COLUMNS = List.of("楼栋", "单元", "房号", "姓名", "身份证号", "手机号", "人员类别(业主/租户/房东/流动人口)",
            "无智能手机(是/否)", "门禁通行(是/否)");
    private static final int MAX_ROWS = 50_000;

    private final ResidentRegister register;
    private final ResidentWriter writer;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResidentImport(ResidentRegister register, ResidentWriter writer, JdbcClient jdbc, JsonMapper json) {
        this.register = register;
        this.writer = writer;
        this.jdbc = jdbc;
        this.json = json;
    }

    public record RowError(int row, String reason) {
    }

    public record Result(long batchId, int total, int added, int changed, int unchanged, List<RowError> errors, long millis) {
    }

    @Transactional
    public Result importFile(long estateId, String fileName, InputStream in, CurrentUser by) throws IOException {
        long start = System.nanoTime();
        register.estateInScope(estateId, by);
        List<List<String>> rows = fileName.toLowerCase().endsWith(".xlsx") ? readXlsx(in) : readCsv(in);
        if (rows.size() < 2) {
            throw new InvalidInputException("residents.import.empty");
        }
        List<RowError> errors = new ArrayList<>();
        List<ResidentLine> good = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            ResidentRowParser.parse(rows.get(i), i + 1, seen, errors).ifPresent(good::add);
        }
        ResidentWriter.Written written = writer.upsertAll(estateId, good, by.actor());
        int added = written.added();
        int changed = written.changed();
        long millis = (System.nanoTime() - start) / 1_000_000;
        int total = (int) rows.stream().skip(1).filter(r -> !r.stream().allMatch(String::isBlank)).count();
        long batch = jdbc.sql("""
                        INSERT INTO res_import_batch (estate_id, file_name, rows_total, rows_new, rows_changed, rows_same, rows_bad,
                                                      errors, millis, created_by)
                        VALUES (:e, :f, :t, :n, :c, :s, :b, cast(:errors AS jsonb), :ms, :by) RETURNING id""")
                .param("e", estateId).param("f", fileName).param("t", total).param("n", added).param("c", changed)
                .param("s", good.size() - added - changed).param("b", errors.size())
                .param("errors", json.writeValueAsString(errors)).param("ms", millis).param("by", by.actor())
                .query(Long.class).single();
        return new Result(batch, total, added, changed, good.size() - added - changed, errors, millis);
    }

    public record Batch(long id, String estateName, String fileName, int rowsTotal, int rowsNew, int rowsChanged, int rowsSame,
                        int rowsBad, long millis, java.time.Instant createdAt, String createdBy) {
    }

    public List<Batch> recent(CurrentUser me) {
        return jdbc.sql("""
                        SELECT b.id, e.name AS estate_name, b.file_name, b.rows_total, b.rows_new, b.rows_changed, b.rows_same,
                               b.rows_bad, b.millis, b.created_at, b.created_by
                          FROM res_import_batch b JOIN org_estate e ON e.id = b.estate_id
                         WHERE\s""" + com.estateguard.org.EstateScope.where("b.estate_id") + " ORDER BY b.id DESC LIMIT 10")
                .param("scope", com.estateguard.org.EstateScope.bind(me.scopePath())).query(Batch.class).list();
    }

    private static List<List<String>> readCsv(InputStream in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                tooMany(rows);
                rows.add(List.of((rows.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line).split(",", -1)));
            }
        }
        return rows;
    }

    private static List<List<String>> readXlsx(InputStream in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            for (Row row : workbook.getFirstSheet().read()) {
                tooMany(rows);
                while (rows.size() < row.getRowNum() - 1) {
                    rows.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(COLUMNS.size(), row.getCellCount()); c++) {
                    cells.add(row.getCellText(c) == null ? "" : row.getCellText(c));
                }
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException("residents.import.unreadable");
        }
        return rows;
    }

    private static void tooMany(List<List<String>> rows) {
        if (rows.size() > MAX_ROWS) {
            throw new InvalidInputException("residents.import.tooMany", MAX_ROWS);
        }
    }
}
