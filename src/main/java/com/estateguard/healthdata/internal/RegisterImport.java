package com.estateguard.healthdata.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.tabular.RowError;
import com.estateguard.common.tabular.TabularFile;
import com.estateguard.common.tabular.TabularReader;
import com.estateguard.common.tabular.TabularRow;
import com.estateguard.healthdata.HealthRegisters;
import com.estateguard.healthdata.PersonKeys;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the NAT comparison register (核酸比对登记簿) and health-code status lists from CSV or
 * Excel: columns 姓名, 身份证号, time, result/status. Every bad row is reported with its reason, the
 * good rows are imported, a repeated row changes nothing.
 */
@Service
public class RegisterImport implements HealthRegisters {

    private static final DateTimeFormatter[] TIME_FORMATS = {
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"), DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME};
    private static final int MAX_ROWS = 200_000;

    private static final int CHUNK = 10_000;
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");
    private static final Map<String, String> NAT_WORDS = Map.of("阴性", "NEGATIVE", "NEGATIVE", "NEGATIVE", "阳性", "POSITIVE",
            "POSITIVE", "POSITIVE");
    private static final Map<String, String> CODE_WORDS = Map.of("绿", "GREEN", "绿码", "GREEN", "GREEN", "GREEN", "黄", "YELLOW",
            "黄码", "YELLOW", "YELLOW", "YELLOW", "红", "RED", "红码", "RED", "RED", "RED");

    private final JdbcClient jdbc;
    private final JdbcTemplate plain;
    private final PersonKeys keys;
    private final JsonMapper json;
    private final ZoneId zone;

    RegisterImport(JdbcClient jdbc, JdbcTemplate plain, PersonKeys keys, JsonMapper json, ZoneId zone) {
        this.jdbc = jdbc;
        this.plain = plain;
        this.keys = keys;
        this.json = json;
        this.zone = zone;
    }

    /** A good row, ready to insert. */
    private record Entry(String personKey, String name, String idMasked, Instant at, String value) {
    }

    public record Result(long batchId, int total, int imported, int duplicates, List<RowError> errors) {
    }

    public record Batch(long id, String kind, String fileName, int rowsTotal, int rowsOk, int rowsBad, String errors,
                        Instant createdAt, String createdBy) {
    }

    @Transactional
    public Result importFile(Kind kind, String fileName, InputStream in, CurrentUser by) throws IOException {
        TabularFile file = TabularReader.read(fileName, in, MAX_ROWS);
        if (file.isEmpty()) {
            throw new InvalidInputException("error.import.empty");
        }
        // Each row is checked (and its ID number hashed) on its own, on every core; the order is kept.
        List<Object> checked = file.dataRows().parallelStream().map(row -> parse(kind, row.cells(), row.number())).toList();
        List<RowError> errors = new ArrayList<>();
        List<Entry> good = new ArrayList<>(checked.size());
        for (Object row : checked) {
            if (row instanceof Entry entry) {
                good.add(entry);
            } else {
                errors.add((RowError) row);
            }
        }
        int total = file.dataRows().size();
        long batch = jdbc.sql("""
                        INSERT INTO health_import_batch (kind, file_name, rows_total, rows_ok, rows_bad, errors, created_by)
                        VALUES (:k, :f, :t, 0, :bad, cast(:e AS jsonb), :by) RETURNING id""")
                .param("k", kind.name()).param("f", fileName).param("t", total).param("bad", errors.size())
                .param("e", json.writeValueAsString(errors)).param("by", by.actor()).query(Long.class).single();
        int inserted = 0;
        for (int from = 0; from < good.size(); from += CHUNK) {
            inserted += insertAll(kind, good.subList(from, Math.min(good.size(), from + CHUNK)), batch, by.actor());
        }
        jdbc.sql("UPDATE health_import_batch SET rows_ok = :ok WHERE id = :id").param("ok", inserted).param("id", batch).update();
        return new Result(batch, total, inserted, good.size() - inserted, errors);
    }

    /**
     * Inserts a chunk of entries in one statement; an entry already in the register (same person and
     * time), or earlier in the same file, is skipped as the one-row insert would skip it. Counts the new ones.
     */
    private int insertAll(Kind kind, List<Entry> chunk, long batch, String actor) {
        String table = kind == Kind.NAT ? "health_nat_result (person_key, person_name, id_masked, sampled_at, result"
                : "health_code_status (person_key, person_name, id_masked, as_of, status";
        String conflict = kind == Kind.NAT ? "(person_key, sampled_at)" : "(person_key, as_of)";
        return plain.execute((ConnectionCallback<Integer>) con -> {
            try (PreparedStatement ps = con.prepareStatement("WITH written AS (INSERT INTO " + table + ", batch_id, created_by)"
                    + " SELECT k, n, m, t, v, ?, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])"
                    + " AS u(k, n, m, t, v) ON CONFLICT " + conflict + " DO NOTHING RETURNING 1) SELECT count(*) FROM written")) {
                ps.setLong(1, batch);
                ps.setString(2, actor);
                ps.setArray(3, con.createArrayOf("text", chunk.stream().map(Entry::personKey).toArray()));
                ps.setArray(4, con.createArrayOf("text", chunk.stream().map(Entry::name).toArray()));
                ps.setArray(5, con.createArrayOf("text", chunk.stream().map(Entry::idMasked).toArray()));
                ps.setArray(6, con.createArrayOf("text", chunk.stream().map(e -> e.at().toString()).toArray()));
                ps.setArray(7, con.createArrayOf("text", chunk.stream().map(Entry::value).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** One register entry written directly (demo data, integrations); a repeat changes nothing. */
    @Override
    @Transactional
    public void record(Kind kind, String idNumber, String name, Instant at, String value, String actor) {
        if (!IdNumber.valid(idNumber)) {
            throw new InvalidInputException("error.idNumber.invalid");
        }
        insert(kind, new Entry(keys.keyOf(idNumber), name, IdNumber.mask(idNumber), at, value), null, actor);
    }

    @Override
    public boolean registered(Kind kind, String personKey) {
        String table = kind == Kind.NAT ? "health_nat_result" : "health_code_status";
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE person_key = :k)").param("k", personKey)
                .query(Boolean.class).single();
    }

    public List<Batch> recent() {
        return jdbc.sql("""
                        SELECT id, kind, file_name, rows_total, rows_ok, rows_bad, errors::text AS errors, created_at, created_by
                          FROM health_import_batch ORDER BY id DESC LIMIT 20""").query(Batch.class).list();
    }

    /** The row as an {@link Entry}, or the {@link RowError} saying why it cannot be imported. */
    private Object parse(Kind kind, List<String> cells, int rowNo) {
        if (cells.size() < 4) {
            return new RowError(rowNo, "列数不足：需要 姓名, 身份证号, 时间, 结果");
        }
        String name = cells.get(0).trim();
        String id = IdNumber.normalise(cells.get(1));
        if (name.isEmpty()) {
            return new RowError(rowNo, "姓名为空");
        }
        if (!IdNumber.valid(id)) {
            return new RowError(rowNo, "身份证号无效（GB 11643 校验失败）");
        }
        Instant at = parseTime(cells.get(2));
        if (at == null) {
            return new RowError(rowNo, "时间无法识别：" + cells.get(2));
        }
        String value = parseValue(kind, cells.get(3).trim());
        if (value == null) {
            return new RowError(rowNo, (kind == Kind.NAT ? "检测结果" : "健康码状态") + "无法识别：" + cells.get(3));
        }
        return new Entry(keys.keyOf(id), name, IdNumber.mask(id), at, value);
    }

    private int insert(Kind kind, Entry g, Long batch, String actor) {
        String sql = kind == Kind.NAT
                ? """
                  INSERT INTO health_nat_result (person_key, person_name, id_masked, sampled_at, result, batch_id, created_by)
                  VALUES (:k, :n, :m, :t, :v, :b, :by) ON CONFLICT (person_key, sampled_at) DO NOTHING"""
                : """
                  INSERT INTO health_code_status (person_key, person_name, id_masked, as_of, status, batch_id, created_by)
                  VALUES (:k, :n, :m, :t, :v, :b, :by) ON CONFLICT (person_key, as_of) DO NOTHING""";
        return jdbc.sql(sql).param("k", g.personKey()).param("n", g.name()).param("m", g.idMasked()).param("t", Timestamp.from(g.at()))
                .param("v", g.value()).param("b", batch).param("by", actor).update();
    }

    private Instant parseTime(String text) {
        String t = text.trim();
        if (EXCEL_SERIAL.matcher(t).matches()) {
            // An Excel date cell read as its serial number: days since 1899-12-30.
            double serial = Double.parseDouble(t);
            long seconds = Math.round((serial - Math.floor(serial)) * 86_400);
            return LocalDateTime.of(1899, 12, 30, 0, 0).plusDays((long) Math.floor(serial)).plusSeconds(seconds)
                    .atZone(zone).toInstant();
        }
        for (DateTimeFormatter f : TIME_FORMATS) {
            try {
                return LocalDateTime.parse(t, f).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next accepted format
            }
        }
        return null;
    }

    private static String parseValue(Kind kind, String v) {
        Map<String, String> words = kind == Kind.NAT ? NAT_WORDS : CODE_WORDS;
        return words.get(v.toUpperCase());
    }
}
