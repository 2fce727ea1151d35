package com.estateguard.access.internal;

import com.estateguard.access.Direction;
import com.estateguard.access.Verdict;
import com.estateguard.access.internal.rules.EntryDecision;
import com.estateguard.org.EstateScope;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.ReasonCode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Check records: inserted once (by client id), never updated; read back filtered by scope. */
@Repository
class CheckRepository {

    private static final String SELECT = """
            SELECT c.id, c.client_id, c.estate_id, e.name AS estate_name, c.entrance_id, n.name AS entrance_name,
                   c.occurred_at, c.direction, c.category, c.person_name, c.id_masked, c.group_id, c.vehicle_plate,
                   c.evidence::text AS evidence, c.decision, c.reason_codes, c.reasons::text AS reasons,
                   c.policy_version_id, c.corrects_check_id, c.created_by, c.shift_id
              FROM access_check c JOIN org_estate e ON e.id = c.estate_id JOIN org_entrance n ON n.id = c.entrance_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StoredEvidence evidence;

    CheckRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.evidence = new StoredEvidence(json);
    }

    record NewCheck(UUID clientId, long estateId, long entranceId, Long shiftId, Long deviceKeyId, Instant occurredAt,
                    Direction direction, EntrantCategory category, String personName, String personKey, String idMasked,
                    UUID groupId, String vehiclePlate, Evidence evidence, EntryDecision decision, long policyVersionId,
                    Long correctsCheckId, String createdBy) {
    }

    /**
     * The check and its client id in one statement, with no read before it: the client id's row
     * ({@code access_check_client}, keyed by client id and estate) is inserted first and takes the check's id from the
     * sequence; the check is inserted only if that row was. Empty when a check with this client id exists already in
     * the estate (a retried submission). A correction carries the corrected record's occurred_at, so its reference to
     * the partitioned table holds (V152). Positional parameters: named ones cost half the insert (docs/PERFORMANCE.md).
     */
    Optional<Long> insert(NewCheck c) {
        Timestamp at = Timestamp.from(c.occurredAt());
        var spec = jdbc.sql(c.correctsCheckId() == null ? INSERT : INSERT_CORRECTION)
                .param(c.clientId()).param(c.estateId()).param(at)
                .param(c.clientId()).param(c.estateId()).param(c.entranceId()).param(c.shiftId()).param(c.deviceKeyId())
                .param(at).param(c.direction().name()).param(c.category().name()).param(c.personName())
                .param(c.personKey()).param(c.idMasked()).param(c.groupId()).param(c.vehiclePlate())
                .param(this.evidence.write(c.evidence())).param(c.decision().verdict().name())
                .param(c.decision().codes().stream().map(Enum::name).toArray(String[]::new))
                .param(json.writeValueAsString(c.decision().reasons().stream().map(CheckOutcome.ReasonView::of).toList()))
                .param(c.policyVersionId()).param(c.createdBy());
        if (c.correctsCheckId() != null) {
            spec = spec.param(c.correctsCheckId()).param(c.correctsCheckId()).param(c.estateId());
        }
        return spec.query(Long.class).optional();
    }

    /** Where a new check of a batch lands: its client id's key (client id and estate). */
    record ClientKey(UUID clientId, long estateId) {
        static ClientKey of(NewCheck c) {
            return new ClientKey(c.clientId(), c.estateId());
        }
    }

    /**
     * Several new checks (no corrections) in one statement, as {@link #insert} does for one: each client id's row
     * first, then the check for each row that was inserted. The checks' keys must be distinct (the caller answers a
     * second check with the same key in the same batch as a retry of the first). Returns the ids of the checks stored,
     * by key; a key missing was stored already (a retry).
     */
    java.util.Map<ClientKey, Long> insertAll(List<NewCheck> batch) {
        int n = batch.size();
        String[] client = new String[n], estate = new String[n], entrance = new String[n], shift = new String[n],
                device = new String[n], at = new String[n], direction = new String[n], category = new String[n],
                name = new String[n], key = new String[n], masked = new String[n], group = new String[n],
                plate = new String[n], evidence = new String[n], decision = new String[n], codes = new String[n],
                reasons = new String[n], policy = new String[n], by = new String[n];
        for (int i = 0; i < n; i++) {
            NewCheck c = batch.get(i);
            if (c.correctsCheckId() != null) {
                throw new IllegalArgumentException("a correction is inserted on its own");
            }
            client[i] = c.clientId().toString();
            estate[i] = Long.toString(c.estateId());
            entrance[i] = Long.toString(c.entranceId());
            shift[i] = c.shiftId() == null ? null : c.shiftId().toString();
            device[i] = c.deviceKeyId() == null ? null : c.deviceKeyId().toString();
            at[i] = c.occurredAt().toString();
            direction[i] = c.direction().name();
            category[i] = c.category().name();
            name[i] = c.personName();
            key[i] = c.personKey();
            masked[i] = c.idMasked();
            group[i] = c.groupId() == null ? null : c.groupId().toString();
            plate[i] = c.vehiclePlate();
            evidence[i] = this.evidence.write(c.evidence());
            decision[i] = c.decision().verdict().name();
            codes[i] = String.join(",", c.decision().codes().stream().map(Enum::name).toList());
            reasons[i] = json.writeValueAsString(c.decision().reasons().stream().map(CheckOutcome.ReasonView::of).toList());
            policy[i] = Long.toString(c.policyVersionId());
            by[i] = c.createdBy();
        }
        java.util.Map<ClientKey, Long> ids = new java.util.HashMap<>();
        jdbc.sql(INSERT_ALL).param(client).param(estate).param(entrance).param(shift).param(device).param(at)
                .param(direction).param(category).param(name).param(key).param(masked).param(group).param(plate)
                .param(evidence).param(decision).param(codes).param(reasons).param(policy).param(by)
                .query((RowCallbackHandler) rs -> ids.put(new ClientKey(rs.getObject(2, UUID.class), rs.getLong(3)), rs.getLong(1)));
        return ids;
    }

    /**
     * {@link #INSERT} for many rows: the columns as arrays (one parameter each, the same statement text whatever the
     * batch's size, so one prepared statement), unnested side by side. Reason codes travel comma-joined (a code has
     * no comma; none gives an empty array).
     */
    private static final String INSERT_ALL = """
            WITH v AS (SELECT * FROM unnest(cast(? AS uuid[]), cast(? AS bigint[]), cast(? AS bigint[]), cast(? AS bigint[]),
                                            cast(? AS bigint[]), cast(? AS timestamptz[]), cast(? AS text[]), cast(? AS text[]),
                                            cast(? AS text[]), cast(? AS text[]), cast(? AS text[]), cast(? AS uuid[]),
                                            cast(? AS text[]), cast(? AS jsonb[]), cast(? AS text[]), cast(? AS text[]),
                                            cast(? AS jsonb[]), cast(? AS bigint[]), cast(? AS text[]))
                              AS v(client_id, estate_id, entrance_id, shift_id, device_key_id, occurred_at, direction, category,
                                   person_name, person_key, id_masked, group_id, vehicle_plate, evidence, decision, reason_codes,
                                   reasons, policy_version_id, created_by)),
                 k AS (INSERT INTO access_check_client (client_id, estate_id, check_id, occurred_at)
                       SELECT client_id, estate_id, nextval('access_check_id_seq'), occurred_at FROM v
                       ON CONFLICT (client_id, estate_id) DO NOTHING RETURNING client_id, estate_id, check_id)
            INSERT INTO access_check (id, client_id, estate_id, entrance_id, shift_id, device_key_id, occurred_at,
                   direction, category, person_name, person_key, id_masked, group_id, vehicle_plate, evidence,
                   decision, reason_codes, reasons, policy_version_id, created_by, corrects_check_id, corrects_occurred_at)
            SELECT k.check_id, v.client_id, v.estate_id, v.entrance_id, v.shift_id, v.device_key_id, v.occurred_at,
                   v.direction, v.category, v.person_name, v.person_key, v.id_masked, v.group_id, v.vehicle_plate, v.evidence,
                   v.decision, string_to_array(v.reason_codes, ','), v.reasons, v.policy_version_id, v.created_by, NULL, NULL
              FROM k JOIN v ON v.client_id = k.client_id AND v.estate_id = k.estate_id
            RETURNING id, client_id, estate_id""";

    private static final String INSERT_HEAD = """
            WITH k AS (INSERT INTO access_check_client (client_id, estate_id, check_id, occurred_at)
                       VALUES (?, ?, nextval('access_check_id_seq'), ?)
                       ON CONFLICT (client_id, estate_id) DO NOTHING RETURNING check_id)
            INSERT INTO access_check (id, client_id, estate_id, entrance_id, shift_id, device_key_id, occurred_at,
                   direction, category, person_name, person_key, id_masked, group_id, vehicle_plate, evidence,
                   decision, reason_codes, reasons, policy_version_id, created_by, corrects_check_id, corrects_occurred_at)
            SELECT k.check_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?, cast(? AS jsonb), ?, ?,
            """;

    /** A first record: nothing to look up. */
    private static final String INSERT = INSERT_HEAD + """
                   NULL, NULL FROM k RETURNING id""";

    /** A correction: the corrected record (same estate) gives its occurred_at; none found, V152's check constraint refuses. */
    private static final String INSERT_CORRECTION = INSERT_HEAD + """
                   ?, (SELECT x.occurred_at FROM access_check x WHERE x.id = ? AND x.estate_id = ?) FROM k RETURNING id""";

    /**
     * The check stored under a client id, read through {@code access_check_client} (its key: client id and estate)
     * and joined on the check's full key, so only the check's month is read. The same id in two estates is two
     * terminals' records, and the first stored answers. Ordered by {@code check_id + 0}: the few rows of the client id
     * come from the key, and the check-id index never serves the order (a plan walking it for an id not stored reads
     * all of it: the benchmark's copy of this read fell to 154 checks/s).
     */
    Optional<CheckRow> byClientId(UUID clientId) {
        return jdbc.sql(SELECT.replace("FROM access_check c", """
                        FROM access_check_client k
                        JOIN access_check c ON c.id = k.check_id AND c.estate_id = k.estate_id AND c.occurred_at = k.occurred_at""")
                        + " WHERE k.client_id = ? ORDER BY k.check_id + 0 LIMIT 1")
                .param(clientId).query(this::map).optional();
    }

    /**
     * {@link #byClientId} within a scope: the first check stored under the client id in an estate the scope holds,
     * read through {@code access_check_client} and the check's full key (access_check has no index on client_id: read
     * there, a retry scanned every month of records).
     */
    Optional<CheckRow> byClientId(UUID clientId, String scope) {
        return jdbc.sql(SELECT.replace("FROM access_check c", """
                        FROM access_check_client k
                        JOIN access_check c ON c.id = k.check_id AND c.estate_id = k.estate_id AND c.occurred_at = k.occurred_at""")
                        + " WHERE k.client_id = :client AND " + EstateScope.where("k.estate_id") + " ORDER BY k.check_id + 0 LIMIT 1")
                .param("client", clientId).param("scope", EstateScope.bind(scope)).query(this::map).optional();
    }

    Optional<CheckRow> byId(long id, String scope) {
        return jdbc.sql(SELECT + " WHERE c.id = :id AND " + EstateScope.where("c.estate_id"))
                .param("id", id).param("scope", EstateScope.bind(scope)).query(this::map).optional();
    }

    List<CheckRow> corrections(long checkId) {
        return jdbc.sql(SELECT + " WHERE c.corrects_check_id = :id ORDER BY c.id").param("id", checkId).query(this::map).list();
    }

    /**
     * A page of the list by keyset: after a cursor (the next page, newest first) or before one (the previous page,
     * read oldest first and turned round). One row more than the page is read to know whether another page follows.
     * The count stops at {@link CheckPage#COUNT_CAP} + 1 rows (a LIMIT subquery), never an exact count(*) of the set.
     * {@code perEstate}: read each visible estate's own (estate, time) index for its newest rows and merge them, instead
     * of one index over all estates (see {@link CheckQueries}); both give the same rows.
     */
    CheckPage page(CheckFilter f, String scope, boolean perEstate, CheckPage.Cursor after, CheckPage.Cursor before, int size) {
        return page(f, scope, perEstate, false, after, before, size);
    }

    /**
     * As {@link #page(CheckFilter, String, boolean, CheckPage.Cursor, CheckPage.Cursor, int)}; {@code countPerEstate}: the
     * capped count of a walked search reads the scope's estates one by one from their own (estate, time) index, each
     * stopping at the cap, until the cap is reached (a district's one-character search: a few dozen estates' months,
     * where counting along the period in time or table order reads the city's records to find the district's 9 %).
     */
    CheckPage page(CheckFilter f, String scope, boolean perEstate, boolean countPerEstate, CheckPage.Cursor after,
                   CheckPage.Cursor before, int size) {
        boolean backwards = after == null && before != null;
        CheckPage.Cursor cursor = backwards ? before : after;
        String seek = cursor == null ? "" : backwards
                ? " AND (c.occurred_at, c.id) > (:at, :id)"
                : " AND (c.occurred_at, c.id) < (:at, :id)";
        String order = backwards ? " ORDER BY c.occurred_at ASC, c.id ASC" : " ORDER BY c.occurred_at DESC, c.id DESC";
        // A search over a large scope (the time index's walk) reads the text index (V201) first: the period's records
        // holding the text, whatever their estate, up to textIndexMax. When they are no more, the page and its count are
        // taken from those candidates in one pass (a name over a district's month: its few thousand records instead of
        // the month newest first); when there are more, walking the time index fills a page sooner. One character (a
        // surname, a province's plate prefix) always matches many: its index entries alone take longer than the walk.
        String q = f.q() == null ? "" : f.q().trim();
        if (!perEstate && q.codePointCount(0, q.length()) >= 2) {
            Optional<CheckPage> fromText = pageFromText(f, scope, seek, order, backwards, cursor, size);
            if (fromText.isPresent()) {
                return fromText.get();
            }
        }
        String capped = perEstate || countPerEstate
                ? "SELECT count(*) FROM (SELECT 1 FROM (" + EstateScope.visibleEstates() + ") s CROSS JOIN LATERAL (SELECT 1 FROM access_check c"
                        + " WHERE c.estate_id = s.id" + filters() + " LIMIT :cap) c LIMIT :cap) AS capped"
                : "SELECT count(*) FROM (SELECT 1 FROM access_check c" + where() + " LIMIT :cap) AS capped";
        long counted = bind(jdbc.sql(capped), f, scope).param("cap", CheckPage.COUNT_CAP + 1).query(Long.class).single();
        String sql = perEstate
                ? SELECT.replace("FROM access_check c", "FROM (" + EstateScope.visibleEstates() + ") s CROSS JOIN LATERAL ("
                        + "SELECT c.* FROM access_check c WHERE c.estate_id = s.id" + filters() + seek + order + " LIMIT :size) c")
                        + order + " LIMIT :size"
                : SELECT + where() + seek + order + " LIMIT :size";
        var spec = bind(jdbc.sql(sql), f, scope).param("size", size + 1);
        if (cursor != null) {
            spec = spec.param("at", Timestamp.from(cursor.occurredAt())).param("id", cursor.id());
        }
        return assemble(new java.util.ArrayList<>(spec.query(this::map).list()), counted, backwards, cursor, size,
                () -> page(f, scope, perEstate, countPerEstate, null, null, size));
    }

    /**
     * The page's rows (one more than the page read to know whether another follows; oldest first when reading
     * backwards) as a page with its cursors. Reading backwards past the first page starts again at the top.
     */
    private static CheckPage assemble(List<CheckRow> rows, long counted, boolean backwards, CheckPage.Cursor cursor, int size,
                                      java.util.function.Supplier<CheckPage> top) {
        boolean beyond = rows.size() > size;
        if (beyond) {
            rows.remove(rows.size() - 1);
        }
        if (backwards && !beyond) {
            return top.get();   // back at the top: the first page, full and current
        }
        if (backwards) {
            java.util.Collections.reverse(rows);
        }
        boolean hasPrevious = backwards ? beyond : cursor != null;
        boolean hasNext = backwards || beyond;
        CheckPage.Cursor previous = hasPrevious && !rows.isEmpty() ? CheckPage.Cursor.of(rows.get(0)) : null;
        CheckPage.Cursor next = hasNext && !rows.isEmpty() ? CheckPage.Cursor.of(rows.get(rows.size() - 1)) : null;
        return new CheckPage(List.copyOf(rows), previous, next, Math.min(counted, CheckPage.COUNT_CAP), counted > CheckPage.COUNT_CAP);
    }

    /**
     * A page of a search read from the text index (V201), or empty when the period holds more than
     * {@link #textIndexMax} records with the text (all estates): one statement takes those candidates (their filter
     * columns only, stopping one past the limit), counts them, counts the ones in scope and the filters, and picks the
     * page's ids; a second reads the page's rows by key. Each candidate is a random read of the table, so the limit
     * keeps a common text from costing more than the time index's walk would.
     */
    private Optional<CheckPage> pageFromText(CheckFilter f, String scope, String seek, String order, boolean backwards,
                                             CheckPage.Cursor cursor, int size) {
        String sql = """
                WITH cand AS MATERIALIZED (
                    SELECT c.id, c.estate_id, c.entrance_id, c.occurred_at, c.direction, c.category, c.decision,
                           c.reason_codes, c.person_name, c.vehicle_plate
                      FROM access_check c
                     WHERE c.occurred_at >= :from AND c.occurred_at < :to
                       AND (c.person_name ILIKE :contains OR c.vehicle_plate ILIKE :contains)""" + TEXT_INDEXED + """

                     LIMIT :candidates),
                 chosen AS (SELECT * FROM cand c""" + where() + """
                )
                SELECT n.candidates, n.counted, p.id
                  FROM (SELECT (SELECT count(*) FROM cand) AS candidates,
                               (SELECT count(*) FROM (SELECT 1 FROM chosen LIMIT :cap) x) AS counted) n
                  LEFT JOIN LATERAL (SELECT c.id, c.occurred_at FROM chosen c WHERE true""" + seek + order
                + " LIMIT :size) p ON true";
        var spec = bind(jdbc.sql(sql), f, scope).param("candidates", textIndexMax + 1)
                .param("cap", CheckPage.COUNT_CAP + 1).param("size", size + 1);
        if (cursor != null) {
            spec = spec.param("at", Timestamp.from(cursor.occurredAt())).param("id", cursor.id());
        }
        long[] totals = new long[2];
        List<Long> ids = new java.util.ArrayList<>();
        spec.query((RowCallbackHandler) rs -> {
            totals[0] = rs.getLong("candidates");
            totals[1] = rs.getLong("counted");
            long id = rs.getLong("id");
            if (!rs.wasNull()) {
                ids.add(id);
            }
        });
        if (totals[0] > textIndexMax) {
            return Optional.empty();
        }
        List<CheckRow> rows = ids.isEmpty() ? new java.util.ArrayList<>() : new java.util.ArrayList<>(jdbc.sql(SELECT
                        + " WHERE c.id = ANY(:ids) AND c.occurred_at >= :from AND c.occurred_at < :to" + order)
                .param("ids", ids.toArray(Long[]::new)).param("from", Timestamp.from(f.from())).param("to", Timestamp.from(f.to()))
                .query(this::map).list());
        return Optional.of(assemble(rows, totals[1], backwards, cursor, size,
                () -> pageFromText(f, scope, "", " ORDER BY c.occurred_at DESC, c.id DESC", false, null, size)
                        .orElseGet(() -> page(f, scope, false, null, null, size))));
    }

    /** The filter, always inside the scope. */
    private static String where() {
        return " WHERE " + EstateScope.where("c.estate_id") + filters();
    }

    /**
     * The list's filters on a record {@code c}, each off when its parameter is null. The search text matches a name or
     * a plate, case-insensitively and literally ({@code :contains} has its wildcards escaped). A reason is looked for
     * among the verdicts that can carry it ({@link #verdictsWith}), which the reason implies: a street's or an estate's
     * refusals (their (estate, verdict, time) index) are a few per cent of its records, where the reason index alone
     * over every month cost seconds for a street's 30 days (docs/PERFORMANCE.md, "Indexes on check records, measured
     * on the city").
     */
    private static String filters() {
        return "\n" + """
                 AND c.occurred_at >= :from AND c.occurred_at < :to
                 AND (cast(:estate AS bigint) IS NULL OR c.estate_id = :estate)
                 AND (cast(:entrance AS bigint) IS NULL OR c.entrance_id = :entrance)
                 AND (cast(:category AS text) IS NULL OR c.category = :category)
                 AND (cast(:decision AS text) IS NULL OR c.decision = :decision)
                 AND (cast(:reason AS text) IS NULL OR (c.reason_codes @> ARRAY[cast(:reason AS text)]
                                                           AND c.decision = ANY(cast(:reasonVerdicts AS text[]))))
                 AND (cast(:direction AS text) IS NULL OR c.direction = :direction)
                 AND (cast(:q AS text) IS NULL OR c.person_name ILIKE :contains OR c.vehicle_plate ILIKE :contains)""";
    }

    /** What the text index (V201) answers: the record holds every character of the search text. */
    private static final String TEXT_INDEXED = """

             AND string_to_array(upper(coalesce(c.person_name, '') || ' ' || coalesce(c.vehicle_plate, '')), null)
                 @> string_to_array(upper(cast(:q AS text)), null)""";

    /**
     * A search matching at most this many records of the period (all estates) is read from the text index, in one pass
     * over them. Each candidate is a random read of the table: on the generated city (10 million records) a full name
     * held by 16,571 of the month's records (the generator has 633 names; a real city's are far more varied) was read
     * in 90-370 ms warm, against 2.5 s for a district's walk of the time index, which must step past every other
     * record of the city (docs/PERFORMANCE.md, "Name searches over a district or a city").
     */
    static final int TEXT_INDEX_MAX = 20_000;

    private volatile int textIndexMax = TEXT_INDEX_MAX;

    /** For a test that needs a search with more candidates than the limit without writing 20,000 records. */
    void textIndexMax(int max) {
        this.textIndexMax = max;
    }

    int textIndexMax() {
        return textIndexMax;
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, CheckFilter f, String scope) {
        String q = f.q() == null || f.q().isBlank() ? null : f.q().trim();
        return spec.param("scope", EstateScope.bind(scope)).param("from", Timestamp.from(f.from()))
                .param("to", Timestamp.from(f.to())).param("estate", f.estateId()).param("entrance", f.entranceId())
                .param("category", name(f.category())).param("decision", name(f.decision()))
                .param("reason", name(f.reason())).param("reasonVerdicts", verdictsWith(f.reason()))
                .param("direction", name(f.direction()))
                .param("q", q).param("contains", q == null ? null
                        : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    /**
     * The verdicts a record holding this reason can have ({@link EntryDecision}): none but a refusal when the reason
     * refuses; a referral or a refusal (another reason refused) when it refers. An admitted record holds no reason.
     */
    static String[] verdictsWith(ReasonCode reason) {
        if (reason == null) {
            return null;
        }
        return reason.outcome() == ReasonCode.Outcome.REFUSE
                ? new String[] {Verdict.REFUSE.name()}
                : new String[] {Verdict.REFUSE.name(), Verdict.REFER.name()};
    }

    /** Counts per verdict of the checks a filter selects, in one query. */
    Map<Verdict, Long> countByVerdict(CheckFilter f, String scope) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        Arrays.stream(Verdict.values()).forEach(v -> counts.put(v, 0L));
        bind(jdbc.sql("SELECT c.decision, count(*) AS n FROM access_check c" + where() + " GROUP BY c.decision"), f, scope)
                .query((RowCallbackHandler) rs -> counts.put(Verdict.valueOf(rs.getString("decision")), rs.getLong("n")));
        return counts;
    }

    /**
     * Today's counts per verdict at one entrance of an estate, for the gate page: read from the estate's (estate, time)
     * index, the entrance a filter on the estate's day (V202 dropped the (entrance, time) index every check wrote).
     */
    Map<Verdict, Long> countsSince(long estateId, long entranceId, Instant since) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        Arrays.stream(Verdict.values()).forEach(v -> counts.put(v, 0L));
        jdbc.sql("""
                        SELECT decision, count(*) AS n FROM access_check
                         WHERE estate_id = :estate AND entrance_id = :e AND occurred_at >= :since AND direction = 'IN'
                         GROUP BY decision""")
                .param("estate", estateId).param("e", entranceId).param("since", Timestamp.from(since))
                .query((RowCallbackHandler) rs -> counts.put(Verdict.valueOf(rs.getString("decision")), rs.getLong("n")));
        return counts;
    }

    /** One estate's entry checks in a period, corrected records replaced by their corrections (daily report). */
    Map<String, Long> countsFor(long estateId, Instant from, Instant to) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        SELECT 'VERDICT.' || c.decision AS k, count(*) AS n FROM access_check c
                         WHERE c.estate_id = :e AND c.occurred_at >= :from AND c.occurred_at < :to AND c.direction = 'IN'
                           AND NOT EXISTS (SELECT 1 FROM access_check x WHERE x.corrects_check_id = c.id) GROUP BY c.decision
                        UNION ALL
                        SELECT 'REASON.' || r.code, count(*) FROM access_check c, unnest(c.reason_codes) AS r(code)
                         WHERE c.estate_id = :e AND c.occurred_at >= :from AND c.occurred_at < :to AND c.direction = 'IN'
                           AND c.decision = 'REFUSE'
                           AND NOT EXISTS (SELECT 1 FROM access_check x WHERE x.corrects_check_id = c.id) GROUP BY r.code""")
                .param("e", estateId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    List<CheckRow> recentInGroup(UUID groupId) {
        return jdbc.sql(SELECT + " WHERE c.group_id = :g ORDER BY c.id").param("g", groupId).query(this::map).list();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private CheckRow map(ResultSet rs, int row) throws SQLException {
        Array codes = rs.getArray("reason_codes");
        List<ReasonCode> reasonCodes = Arrays.stream((String[]) codes.getArray()).map(ReasonCode::valueOf).toList();
        return new CheckRow(rs.getLong("id"), rs.getObject("client_id", UUID.class), rs.getLong("estate_id"),
                rs.getString("estate_name"), rs.getLong("entrance_id"), rs.getString("entrance_name"),
                rs.getTimestamp("occurred_at").toInstant(), Direction.valueOf(rs.getString("direction")),
                EntrantCategory.valueOf(rs.getString("category")), rs.getString("person_name"), rs.getString("id_masked"),
                rs.getObject("group_id", UUID.class), rs.getString("vehicle_plate"),
                this.evidence.read(rs.getString("evidence")), Verdict.valueOf(rs.getString("decision")),
                reasonCodes, List.of(json.readValue(rs.getString("reasons"), CheckOutcome.ReasonView[].class)),
                rs.getLong("policy_version_id"), (Long) rs.getObject("corrects_check_id"), rs.getString("created_by"),
                (Long) rs.getObject("shift_id"));
    }
}
