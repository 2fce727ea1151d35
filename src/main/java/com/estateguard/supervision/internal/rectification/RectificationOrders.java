package com.estateguard.supervision.internal.rectification;

import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.KeysetPage;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.UploadedFile;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyVersion;
import com.estateguard.supervision.InspectionResult;
import com.estateguard.supervision.internal.SupervisionParameters;
import com.estateguard.supervision.internal.calendar.WorkingDays;
import com.estateguard.supervision.internal.rectification.OrderViews.Filter;
import com.estateguard.supervision.internal.rectification.OrderViews.Row;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification orders (整改通知, SPV-02/07): issued for an unqualified inspection with the failed items and a
 * deadline in working days, answered by the estate item by item with evidence, listed due and overdue in scope.
 * The re-check is {@link Rechecks}.
 */
@Service
public class RectificationOrders {

    private static final String ROW = """
            SELECT o.id, o.estate_id, o.estate_name, o.company_name, o.score, o.status, o.issued_at, o.due_on, o.due_at,
                   (o.status = 'ISSUED' AND o.due_at < :now) AS overdue, (o.answered_at > o.due_at) AS late,
                   (SELECT count(*) FROM sup_order_item i WHERE i.order_id = o.id) AS items
              FROM sup_rectification_order o
             WHERE\s""";
    /** The orders of one campaign phase: the phase of the order's inspection, kept on the order (V150). */
    private static final String OF_PHASE = " AND o.phase_id = :phase";

    private final JdbcClient jdbc;
    private final RectificationOrderRepository repository;
    private final OrgDirectory org;
    private final Policies policies;
    private final WorkingDays workingDays;
    private final Clock clock;

    RectificationOrders(JdbcClient jdbc, RectificationOrderRepository repository, OrgDirectory org, Policies policies,
                        WorkingDays workingDays, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.org = org;
        this.policies = policies;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** Orders rectification of an unqualified inspection's failed items, once; the deadline counts from its submission. */
    @Transactional
    public Optional<Long> issue(InspectionResult inspection) {
        if (inspection.qualified() || inspection.failedItems().isEmpty() || orderFor(inspection.id().value()).isPresent()) {
            return Optional.empty();
        }
        EstateRef estate = org.estate(inspection.estate(), "R/").orElseThrow(() -> new NotFoundException("estate", inspection.estate()));
        Instant at = inspection.submittedAt();
        PolicyVersion policy = policies.inForce(estate.regionPath(), at);
        int days = policy.parameters().group(SupervisionParameters.class).rectificationWorkingDays();
        LocalDate dueOn = workingDays.addTo(workingDays.today(at), days);
        Optional<Long> inserted = jdbc.sql("""
                        INSERT INTO sup_rectification_order (inspection_id, estate_id, estate_name, company_id, company_name, score,
                               pass_mark, status, issued_at, working_days, due_on, due_at, policy_version_id, updated_at, updated_by)
                        VALUES (:i, :e, :en, :c, :cn, :s, :pm, 'ISSUED', :at, :wd, :due, :dueAt, :pv, :at, 'system')
                        ON CONFLICT (inspection_id) DO NOTHING RETURNING id""")
                .param("i", inspection.id().value()).param("e", estate.id()).param("en", estate.name())
                .param("c", estate.companyId()).param("cn", estate.companyName()).param("s", inspection.score())
                .param("pm", inspection.passMark()).param("at", Timestamp.from(at)).param("wd", days).param("due", dueOn)
                .param("dueAt", Timestamp.from(workingDays.endOf(dueOn))).param("pv", policy.id()).query(Long.class).optional();
        if (inserted.isEmpty()) {
            return inserted;   // issued a moment ago by a retry of the same event
        }
        long id = inserted.get();
        int position = 0;
        for (var item : inspection.failedItems()) {
            jdbc.sql("INSERT INTO sup_order_item (order_id, item_id, position, text, score, max_points) VALUES (:o, :i, :p, :t, :s, :m)")
                    .param("o", id).param("i", item.itemId()).param("p", ++position).param("t", item.text())
                    .param("s", item.score()).param("m", item.max()).update();
        }
        return Optional.of(id);
    }

    public Optional<Long> orderFor(long inspectionId) {
        return jdbc.sql("SELECT id FROM sup_rectification_order WHERE inspection_id = :i").param("i", inspectionId)
                .query(Long.class).optional();
    }

    /** The estate's answer: what it did for every item, with photos or documents; once. */
    @Transactional
    public void answer(long orderId, Map<Long, String> actions, Map<Long, List<UploadedFile>> evidence, CurrentUser user) {
        RectificationOrder order = load(orderId, user);
        OrderViews.Order view = order(orderId, user);
        for (var item : view.items()) {
            String action = actions.get(item.id());
            if (action == null || action.isBlank() || action.length() > 1000) {
                throw new InvalidInputException("spv.order.error.action", item.position());
            }
        }
        Instant now = clock.instant();
        order.answer(user, now);
        save(order);
        for (var item : view.items()) {
            long answer = jdbc.sql("""
                            INSERT INTO sup_order_answer (order_item_id, action, answered_by, answered_at) VALUES (:i, :a, :by, :at)
                            RETURNING id""")
                    .param("i", item.id()).param("a", actions.get(item.id()).trim()).param("by", user.actor())
                    .param("at", Timestamp.from(now)).query(Long.class).single();
            for (UploadedFile file : evidence.getOrDefault(item.id(), List.of())) {
                jdbc.sql("""
                                INSERT INTO sup_order_evidence (answer_id, file, file_type, uploaded_by, uploaded_at)
                                VALUES (:a, :f, :t, :by, :at)""")
                        .param("a", answer).param("f", file.bytes()).param("t", file.mediaType()).param("by", user.actor())
                        .param("at", Timestamp.from(now)).update();
            }
        }
    }

    /** The interview (约谈) of the unqualified estate's company: who held it, when, with whom, what was said. */
    public void recordInterview(long orderId, InterviewForm form, ZoneId zone, CurrentUser user) {
        load(orderId, user);
        jdbc.sql("""
                        INSERT INTO sup_interview (order_id, held_at, held_by, with_whom, notes, recorded_by, recorded_at)
                        VALUES (:o, :h, :hb, :w, :n, :by, :at)""")
                .param("o", orderId).param("h", Timestamp.from(form.heldAt().atZone(zone).toInstant()))
                .param("hb", form.heldBy().trim()).param("w", form.withWhom().trim()).param("n", form.notes().trim())
                .param("by", user.actor()).param("at", Timestamp.from(clock.instant())).update();
    }

    /**
     * One page of the orders in {@code scope} (the user's, or a region or estate inside it) as filtered (with a phase,
     * only those of the phase's inspections), by keyset on (due at, id), soonest due first (issue 12 §3); the count
     * stops at the cap.
     */
    public KeysetPage<Row> page(Filter filter, String search, Long phase, String after, String before, int size, String scope) {
        String where = where(filter, search, phase);
        return KeysetPage.read(after, before, 2, size, (cursor, backwards, limit) -> {
            String seek = cursor == null ? "" : backwards ? " AND (o.due_at, o.id) < (:at, :id)" : " AND (o.due_at, o.id) > (:at, :id)";
            var sql = params(jdbc.sql(ROW + where + seek + (backwards ? " ORDER BY o.due_at DESC, o.id DESC" : " ORDER BY o.due_at, o.id")
                    + " LIMIT :limit"), search, phase, scope).param("limit", limit);
            if (cursor != null) {
                sql = sql.param("at", Timestamp.from(Instant.parse(cursor[0]))).param("id", Long.parseLong(cursor[1]));
            }
            return sql.query(this::row).list();
        }, r -> KeysetPage.cursor(r.dueAt(), r.id()), () -> params(jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM sup_rectification_order o WHERE "
                + where + " LIMIT " + (KeysetPage.COUNT_CAP + 1) + ") capped"), search, phase, scope).query(Long.class).single());
    }

    /** The first {@code limit} orders in {@code scope} as filtered, in list order (the export). */
    public List<Row> list(Filter filter, String search, Long phase, int limit, String scope) {
        return params(jdbc.sql(ROW + where(filter, search, phase) + " ORDER BY o.due_at, o.id LIMIT :limit"), search, phase, scope)
                .param("limit", limit).query(this::row).list();
    }

    /** The orders in {@code scope} (of a phase's inspections, if given) overdue, due and answered, in one statement. */
    public record Counts(long overdue, long due, long answered) {
    }

    public Counts counts(Long phase, String scope) {
        return params(jdbc.sql("""
                        SELECT count(*) FILTER (WHERE o.status = 'ISSUED' AND o.due_at < :now) AS overdue,
                               count(*) FILTER (WHERE o.status = 'ISSUED' AND o.due_at >= :now) AS due,
                               count(*) FILTER (WHERE o.status = 'ANSWERED') AS answered
                          FROM sup_rectification_order o
                         WHERE o.status IN ('ISSUED', 'ANSWERED') AND\s""" + EstateScope.where("o.estate_id")
                        + (phase == null ? "" : OF_PHASE)), null, phase, scope)
                .query((rs, i) -> new Counts(rs.getLong("overdue"), rs.getLong("due"), rs.getLong("answered"))).single();
    }

    private static String where(Filter filter, String search, Long phase) {
        return EstateScope.where("o.estate_id") + condition(filter) + (phase == null ? "" : OF_PHASE)
                + (search == null || search.isBlank() ? "" : " AND (o.estate_name LIKE :q OR o.company_name LIKE :q)");
    }

    private JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, String search, Long phase, String scope) {
        sql = sql.param("scope", EstateScope.bind(scope)).param("now", Timestamp.from(clock.instant()));
        if (search != null && !search.isBlank()) {
            sql = sql.param("q", "%" + search.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return phase == null ? sql : sql.param("phase", phase);
    }

    /** How many orders of a phase's inspections in the user's scope are open, due (not overdue) and overdue. */
    public record PhaseCounts(long open, long due, long overdue) {
    }

    public PhaseCounts counts(long phase, CurrentUser user) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE o.status IN ('ISSUED', 'ANSWERED')) AS open,
                               count(*) FILTER (WHERE o.status = 'ISSUED' AND o.due_at >= :now) AS due,
                               count(*) FILTER (WHERE o.status = 'ISSUED' AND o.due_at < :now) AS overdue
                          FROM sup_rectification_order o
                         WHERE o.status IN ('ISSUED', 'ANSWERED') AND\s""" + EstateScope.where("o.estate_id") + OF_PHASE)
                .param("scope", EstateScope.bind(user.scopePath())).param("now", Timestamp.from(clock.instant())).param("phase", phase)
                .query((rs, i) -> new PhaseCounts(rs.getLong("open"), rs.getLong("due"), rs.getLong("overdue"))).single();
    }

    /** The orders of one estate, open ones first. */
    public List<Row> ofEstate(long estateId, CurrentUser user) {
        return jdbc.sql(ROW + "o.estate_id = :e AND " + EstateScope.where("o.estate_id")
                        + " ORDER BY (o.status IN ('ISSUED', 'ANSWERED')) DESC, o.issued_at DESC LIMIT 100")
                .param("e", estateId).param("scope", EstateScope.bind(user.scopePath()))
                .param("now", Timestamp.from(clock.instant())).query(this::row).list();
    }

    private static String condition(Filter filter) {
        return switch (filter) {
            case OPEN -> " AND o.status IN ('ISSUED', 'ANSWERED')";
            case DUE -> " AND o.status = 'ISSUED' AND o.due_at >= :now";
            case OVERDUE -> " AND o.status = 'ISSUED' AND o.due_at < :now";
            case ANSWERED -> " AND o.status = 'ANSWERED'";
            case CLOSED -> " AND o.status IN ('VERIFIED', 'RECHECK_FAILED')";
            case ALL -> "";
        };
    }

    public OrderViews.Order order(long id, CurrentUser user) {
        OrderViews.Order head = jdbc.sql("""
                        SELECT o.*, (o.status = 'ISSUED' AND o.due_at < :now) AS overdue, (o.answered_at > o.due_at) AS late
                          FROM sup_rectification_order o WHERE o.id = :id AND\s""" + EstateScope.where("o.estate_id"))
                .param("id", id).param("scope", EstateScope.bind(user.scopePath())).param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> head(rs)).optional().orElseThrow(() -> new NotFoundException("order", id));
        List<OrderViews.Item> items = jdbc.sql("""
                        SELECT i.id, i.item_id, i.position, i.text, i.score, i.max_points, a.action,
                               coalesce((SELECT array_agg(v.id ORDER BY v.id) FROM sup_order_evidence v WHERE v.answer_id = a.id), '{}') AS ev
                          FROM sup_order_item i LEFT JOIN sup_order_answer a ON a.order_item_id = i.id
                         WHERE i.order_id = :o ORDER BY i.position""")
                .param("o", id).query((rs, n) -> new OrderViews.Item(rs.getLong("id"), rs.getLong("item_id"), rs.getInt("position"),
                        rs.getString("text"), rs.getBigDecimal("score"), rs.getBigDecimal("max_points"), rs.getString("action"),
                        List.of((Long[]) rs.getArray("ev").getArray()))).list();
        List<OrderViews.Interview> interviews = jdbc.sql("""
                        SELECT held_at, held_by, with_whom, notes, recorded_by FROM sup_interview WHERE order_id = :o ORDER BY held_at""")
                .param("o", id).query((rs, n) -> new OrderViews.Interview(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list();
        return withDetails(head, items, interviews);
    }

    /** A photo or document of an answer, if its order lies in the user's scope. */
    public byte[] evidence(long evidenceId, CurrentUser user) {
        return jdbc.sql("""
                        SELECT v.file FROM sup_order_evidence v JOIN sup_order_answer a ON a.id = v.answer_id
                          JOIN sup_order_item i ON i.id = a.order_item_id JOIN sup_rectification_order o ON o.id = i.order_id
                         WHERE v.id = :id AND\s""" + EstateScope.where("o.estate_id"))
                .param("id", evidenceId).param("scope", EstateScope.bind(user.scopePath())).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("evidence", evidenceId));
    }

    RectificationOrder load(long id, CurrentUser user) {
        order(id, user);
        return repository.findById(id).orElseThrow(() -> new NotFoundException("order", id));
    }

    /** Two people acting on one order at once: the one who saves second is told, not silently overwritten. */
    void save(RectificationOrder order) {
        try {
            repository.save(order);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange("order", order.id());
        }
    }

    private static OrderViews.Order head(ResultSet rs) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        Timestamp verified = rs.getTimestamp("verified_at");
        return new OrderViews.Order(rs.getLong("id"), rs.getLong("inspection_id"), rs.getLong("estate_id"), rs.getString("estate_name"),
                rs.getLong("company_id"), rs.getString("company_name"), rs.getBigDecimal("score"), rs.getBigDecimal("pass_mark"),
                OrderStatus.valueOf(rs.getString("status")), rs.getTimestamp("issued_at").toInstant(), rs.getInt("working_days"),
                rs.getObject("due_on", LocalDate.class), rs.getBoolean("overdue"), rs.getBoolean("late"),
                answered == null ? null : answered.toInstant(), rs.getString("answered_by"),
                rs.getObject("recheck_inspection_id", Long.class), verified == null ? null : verified.toInstant(),
                rs.getString("verified_by"), List.of(), List.of());
    }

    private static OrderViews.Order withDetails(OrderViews.Order o, List<OrderViews.Item> items, List<OrderViews.Interview> interviews) {
        return new OrderViews.Order(o.id(), o.inspectionId(), o.estateId(), o.estateName(), o.companyId(), o.companyName(), o.score(),
                o.passMark(), o.status(), o.issuedAt(), o.workingDays(), o.dueOn(), o.overdue(), o.late(), o.answeredAt(),
                o.answeredBy(), o.recheckInspectionId(), o.verifiedAt(), o.verifiedBy(), items, interviews);
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("estate_id"), rs.getString("estate_name"), rs.getString("company_name"),
                rs.getBigDecimal("score"), OrderStatus.valueOf(rs.getString("status")), rs.getTimestamp("issued_at").toInstant(),
                rs.getObject("due_on", LocalDate.class), rs.getBoolean("overdue"), rs.getBoolean("late"), rs.getInt("items"),
                rs.getTimestamp("due_at").toInstant());
    }
}
