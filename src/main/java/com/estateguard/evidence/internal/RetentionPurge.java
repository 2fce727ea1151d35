package com.estateguard.evidence.internal;

import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nightly retention purge (保存期限清理): removes check records, visitor and returnee records
 * (with their photos) and health results older than the retention days of the policy in force for
 * each estate (the health registers, shared by all estates, after the longest of them). It seals
 * everything pending first, so the seals of the removed rows stay behind (hashes only), and writes
 * the signed purge record with what it removed and the chain heads it cut ({@link PurgeLog}: a header
 * and one part per estate). An advisory lock makes
 * one node run it; the append-only trigger lets it, and only it, delete ({@code estateguard.purge}).
 */
@Service
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    /** The advisory lock key of the purge ("EvidPurg"). */
    static final long LOCK = 0x4576696450757267L;
    private static final String ALL_ESTATES = "R/";

    private final JdbcClient jdbc;
    private final Sealer sealer;
    private final PurgeLog purgeLog;
    private final OrgDirectory org;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;

    RetentionPurge(JdbcClient jdbc, Sealer sealer, PurgeLog purgeLog, OrgDirectory org, Policies policies, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.purgeLog = purgeLog;
        this.org = org;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Once a night on one node: ShedLock holds the job for at least five minutes, so a node whose
     * clock is a little behind does not run it again; the advisory lock still keeps runs apart.
     */
    @Scheduled(cron = "${estateguard.evidence.purge-cron:0 30 2 * * *}", zone = "${estateguard.zone:Asia/Shanghai}")
    @SchedulerLock(name = "evidence.retentionPurge", lockAtMostFor = "PT2H", lockAtLeastFor = "${estateguard.evidence.purge-hold:PT5M}")
    public void nightlyOnSchedule() {
        nightly();
    }

    public void nightly() {
        try {
            purge(org.estates(ALL_ESTATES), "system").ifPresentOrElse(id -> log.info("Retention purge #{} done", id),
                    () -> log.info("Retention purge skipped: another node is running it"));
        } catch (RuntimeException e) {
            log.error("Retention purge failed, nothing removed", e);
        }
    }

    /** Purges these estates' records and the health registers; empty when another node holds the lock. */
    @Transactional
    public Optional<Long> purge(List<EstateRef> estates, String actor) {
        if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:k)").param("k", LOCK).query(Boolean.class).single()) {
            return Optional.empty();
        }
        jdbc.sql("SELECT set_config('estateguard.purge', 'on', true)").query((rs, i) -> 1).list();
        sealer.seal(Sealer.Scope.ALL);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<PurgeLog.Item> items = new ArrayList<>();
        List<PurgeLog.CutHead> heads = new ArrayList<>();
        int longest = 0;
        for (EstateRef estate : estates) {
            int days = policies.inForce(estate.regionPath(), now).parameters().group(EvidenceParameters.class).retentionDays();
            longest = Math.max(longest, days);
            for (RetentionTarget target : RetentionTarget.values()) {
                if (target.perEstate()) {
                    remove(target, estate.id(), today.minusDays(days)).ifPresent(item -> {
                        items.add(item);
                        heads.addAll(cutHeads(item));
                    });
                }
            }
        }
        if (!estates.isEmpty()) {
            for (RetentionTarget target : RetentionTarget.values()) {
                if (!target.perEstate()) {
                    remove(target, null, today.minusDays(longest)).ifPresent(items::add);
                }
            }
        }
        jdbc.sql("SELECT set_config('estateguard.purge', 'off', true)").query((rs, i) -> 1).list();
        long id = purgeLog.nextId();
        purgeLog.write(new PurgeLog.Summary(id, now, today, items, heads), actor);
        return Optional.of(id);
    }

    private Optional<PurgeLog.Item> remove(RetentionTarget target, Long estateId, LocalDate cut) {
        var statement = jdbc.sql(target.countedDelete()).param("cut", cut).param("zone", zone.getId());
        if (estateId != null) {
            statement = statement.param("estate", estateId);
        }
        return statement.query((rs, i) -> new PurgeLog.Item(target.table(), estateId, rs.getInt("n"),
                        rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class)))
                .optional().filter(item -> item.removed() > 0);
    }

    /** The last seal of each chain of the removed table's kind, estate and days. */
    private List<PurgeLog.CutHead> cutHeads(PurgeLog.Item item) {
        return Arrays.stream(EvidenceKind.values()).filter(kind -> kind.table().equals(item.what()))
                .flatMap(kind -> jdbc.sql("""
                                SELECT DISTINCT ON (day) day, seq, link_hash FROM evidence_seal
                                 WHERE kind = :kind AND estate_id = :estate AND day BETWEEN :from AND :to ORDER BY day, seq DESC""")
                        .param("kind", kind.name()).param("estate", item.estateId()).param("from", item.fromDay())
                        .param("to", item.toDay())
                        .query((rs, i) -> new PurgeLog.CutHead(kind.name(), item.estateId(), rs.getObject("day", LocalDate.class),
                                rs.getInt("seq"), Chain.hex(rs.getBytes("link_hash"))))
                        .list().stream())
                .toList();
    }
}
