package com.estateguard.residents.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.tabular.RowError;
import com.estateguard.common.tabular.TabularFile;
import com.estateguard.common.tabular.TabularReader;
import com.estateguard.common.tabular.TabularRow;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    public record Result(long batchId, int total, int added, int changed, int unchanged, List<RowError> errors, long millis) {
    }

    @Transactional
    public Result importFile(long estateId, String fileName, InputStream in, CurrentUser by) throws IOException {
        long start = System.nanoTime();
        register.estateInScope(estateId, by);
        TabularFile file = TabularReader.read(fileName, in, MAX_ROWS);
        if (file.dataRows().isEmpty()) {
            throw new InvalidInputException("residents.import.empty");
        }
        List<TabularRow> rows = file.dataRows();
        // Each row is checked on its own on every core; then, in file order, the first reason of each
        // bad row and the duplicates among the good ones (the first good row with an ID number wins).
        String[] reasons = rows.parallelStream().map(row -> ResidentRowParser.reason(row.cells())).toArray(String[]::new);
        List<RowError> errors = new ArrayList<>();
        List<ResidentLine> good = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            TabularRow row = rows.get(i);
            String reason = reasons[i] != null ? reasons[i] : ResidentRowParser.duplicate(row.cells(), row.number(), seen);
            if (reason != null) {
                errors.add(new RowError(row.number(), reason));
            } else {
                good.add(ResidentRowParser.line(row.cells()));
            }
        }
        ResidentWriter.Written written = writer.upsertAll(estateId, writer.prepare(good), by.actor());
        int added = written.added();
        int changed = written.changed();
        long millis = (System.nanoTime() - start) / 1_000_000;
        int total = file.dataRows().size();
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
}
