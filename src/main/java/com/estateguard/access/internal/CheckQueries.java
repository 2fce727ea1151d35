package com.estateguard.access.internal;

import com.estateguard.access.CheckpointPermission;
import com.estateguard.access.Verdict;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.SearchTooBroad;
import com.estateguard.org.EntranceId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading check records, always within the reader's scope. */
@Service
@Transactional(readOnly = true)
public class CheckQueries {

    /**
     * Up to this many estates in the reader's scope (a street, a community, a company's few) the list reads each
     * estate's own (estate, time) index for its newest rows and merges them; with more (a district, the city) it walks
     * the records' time index and keeps the rows in scope, which finds a page within the first few hundred entries.
     * The crossover is near the square root of the city's estates (docs/PERFORMANCE.md, "Lists on the generated city").
     */
    static final int PER_ESTATE_MAX = 200;

    /**
     * Up to this many estates (a district of a 10,000-estate city), a search's capped count reads the scope's estates
     * one by one from their own index instead of the period's records in order: a common character reaches the cap
     * within a few dozen estates (15 ms against 190 ms for a district's 张 on the generated city), and a rare one reads
     * the scope's own records, not the city's. Over more (a city) the scope is most of the records and a plain scan is
     * cheaper per record (docs/PERFORMANCE.md, "Session 4").
     */
    static final int PER_ESTATE_COUNT_MAX = 2_000;

    private final CheckRepository checks;
    private final OrgDirectory org;
    private final JdbcClient jdbc;
    private volatile Duration listTimeout;

    CheckQueries(CheckRepository checks, OrgDirectory org, JdbcClient jdbc,
                 @Value("${estateguard.lists.statement-timeout:3s}") Duration listTimeout) {
        this.checks = checks;
        this.org = org;
        this.jdbc = jdbc;
        this.listTimeout = listTimeout;
    }

    /**
     * A page of the check list by keyset pagination (see {@link CheckPage}); at most one of after/before. A search
     * that would read more than the list's time allows (a rare name over a city's month) is stopped and answered
     * {@link SearchTooBroad}, rather than holding a connection for minutes.
     */
    public CheckPage page(CheckFilter filter, CurrentUser user, CheckPage.Cursor after, CheckPage.Cursor before, int size) {
        return page(filter, user, user.scopePath(), after, before, size);
    }

    /**
     * The same inside {@code scope}, the reader's own or a region or estate they narrowed it to
     * ({@link OrgDirectory#listScope}, which keeps it inside theirs).
     */
    public CheckPage page(CheckFilter filter, CurrentUser user, String scope, CheckPage.Cursor after, CheckPage.Cursor before,
                          int size) {
        requireRead(user);
        if (filter.entranceId() != null && filter.estateId() == null) {
            // An entrance is read within its estate (the estate's (estate, time) index; there is no entrance index,
            // V202). An entrance outside the scope has no records for them.
            var entrance = org.entrance(new EntranceId(filter.entranceId()), scope);
            if (entrance.isEmpty()) {
                return new CheckPage(List.of(), null, null, 0, false);
            }
            filter = new CheckFilter(filter.from(), filter.to(), entrance.get().estateId(), filter.entranceId(),
                    filter.category(), filter.decision(), filter.reason(), filter.direction(), filter.q());
        }
        long estates = filter.estateId() == null ? org.countEstates(scope) : 1;
        boolean perEstate = filter.estateId() == null && estates <= PER_ESTATE_MAX;
        boolean countPerEstate = !perEstate && filter.q() != null && !filter.q().isBlank() && estates <= PER_ESTATE_COUNT_MAX;
        // Planned for this request's values: a generic plan of the list's "param IS NULL OR …" filters, which the
        // driver's prepared statements get after five runs, reads the whole scope's period before filtering (1.3 s
        // against 3 ms for one estate's page on the generated city). A list is not the gate: a millisecond of planning
        // per page is cheap. Both settings end with this read-only transaction.
        SearchTooBroad.limitStatements(jdbc, listTimeout);
        try {
            return checks.page(filter, scope, perEstate, countPerEstate, after, before, size);
        } catch (DataAccessException e) {
            if (SearchTooBroad.causedBy(e)) {
                throw new SearchTooBroad();
            }
            throw e;
        }
    }

    Duration listTimeout() {
        return listTimeout;
    }

    /** For a test that needs a search to run out of time. */
    void listTimeout(Duration timeout) {
        this.listTimeout = timeout;
    }

    /** How many checks the filter selects per verdict, keyed by name as pages index them. */
    public Map<String, Long> countByVerdict(CheckFilter filter, CurrentUser user) {
        requireRead(user);
        return byName(checks.countByVerdict(filter, user.scopePath()));
    }

    public CheckRow byId(long id, CurrentUser user) {
        requireRead(user);
        return checks.byId(id, user.scopePath()).orElseThrow(() -> new NotFoundException("check", id));
    }

    public List<CheckRow> corrections(long id, CurrentUser user) {
        byId(id, user);
        return checks.corrections(id);
    }

    /** Counts per verdict at an entrance of an estate since a moment, keyed by name, as pages index them. */
    public Map<String, Long> countsSince(long estateId, long entranceId, Instant since) {
        return byName(checks.countsSince(estateId, entranceId, since));
    }

    private static Map<String, Long> byName(Map<Verdict, Long> counts) {
        Map<String, Long> byName = new java.util.LinkedHashMap<>();
        counts.forEach((verdict, n) -> byName.put(verdict.name(), n));
        return byName;
    }

    /** An estate's entries of a period for the daily report: per verdict, and refusals per reason. */
    public record PeriodCounts(Map<Verdict, Long> byVerdict, Map<ReasonCode, Long> refusalsByReason) {
    }

    public PeriodCounts periodCounts(long estateId, Instant from, Instant to) {
        Map<Verdict, Long> verdicts = new java.util.EnumMap<>(Verdict.class);
        Map<ReasonCode, Long> reasons = new java.util.EnumMap<>(ReasonCode.class);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, 0L);
        }
        checks.countsFor(estateId, from, to).forEach((key, n) -> {
            if (key.startsWith("VERDICT.")) {
                verdicts.put(Verdict.valueOf(key.substring(8)), n);
            } else {
                reasons.put(ReasonCode.valueOf(key.substring(7)), n);
            }
        });
        return new PeriodCounts(verdicts, reasons);
    }

    public List<CheckRow> group(UUID groupId, CurrentUser user) {
        return checks.recentInGroup(groupId).stream()
                .filter(r -> checks.byId(r.id(), user.scopePath()).isPresent()).toList();
    }

    private static void requireRead(CurrentUser user) {
        if (!user.can(CheckpointPermission.CHECK_READ) && !user.can(CheckpointPermission.CHECK_RECORD)) {
            throw new NotPermittedException();
        }
    }
}
