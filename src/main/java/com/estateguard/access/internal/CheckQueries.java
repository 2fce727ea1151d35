package com.estateguard.access.internal;

import com.estateguard.access.CheckpointPermission;
import com.estateguard.access.Verdict;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.policy.ReasonCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading check records, always within the reader's scope. */
@Service
@Transactional(readOnly = true)
public class CheckQueries {

    private final CheckRepository checks;

    CheckQueries(CheckRepository checks) {
        this.checks = checks;
    }

    /** A page of the check list by keyset pagination (see {@link CheckPage}); at most one of after/before. */
    public CheckPage page(CheckFilter filter, CurrentUser user, CheckPage.Cursor after, CheckPage.Cursor before, int size) {
        requireRead(user);
        return checks.page(filter, user.scopePath(), after, before, size);
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

    /** Counts per verdict keyed by name, as pages index them. */
    public Map<String, Long> countsSince(long entranceId, Instant since) {
        return byName(checks.countsSince(entranceId, since));
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
