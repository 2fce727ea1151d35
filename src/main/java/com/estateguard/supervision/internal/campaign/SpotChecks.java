package com.estateguard.supervision.internal.campaign;

import com.estateguard.supervision.InspectionKind;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Random spot checks and re-checks by the supervisors (督导监督员 "开展随机抽查、复查"): a sample drawn
 * among the estates of the phase already inspected in the supervisor's scope, with a recorded seed
 * so the draw can be repeated and shown to be random, kept append-only with who drew it and when,
 * and one assignment per estate drawn for the supervisor who drew it.
 */
@Service
public class SpotChecks {

    private final JdbcClient jdbc;
    private final InspectionRecords records;
    private final OrgDirectory org;
    private final Clock clock;
    private final Random seeds = new SecureRandom();

    SpotChecks(JdbcClient jdbc, InspectionRecords records, OrgDirectory org, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.org = org;
        this.clock = clock;
    }

    public record Selection(long id, long phaseId, InspectionKind kind, long seed, int population, List<Long> estateIds,
                            List<String> estateNames, String selectedBy, Instant selectedAt) {
    }

    @Transactional
    public long select(Campaign campaign, Campaign.Phase phase, InspectionKind kind, int size, CurrentUser by) {
        Campaigns.requireManager(by);
        if (kind != InspectionKind.SPOT_CHECK && kind != InspectionKind.RECHECK) {
            throw new InvalidInputException("error.sup.sampleKind");
        }
        if (size < 1) {
            throw new InvalidInputException("error.sup.sampleSize");
        }
        List<Long> population = records.results(campaign.id(), phase.id(), by.scopePath()).keySet().stream()
                .sorted().toList();
        if (population.isEmpty()) {
            throw new NothingToSample();
        }
        long seed = seeds.nextLong();
        List<Long> sample = draw(population, seed, size);
        long id = jdbc.sql("""
                        INSERT INTO sup_spot_selection (campaign_id, phase_id, kind, seed, population, estate_ids, selected_by, selected_at)
                        VALUES (:c, :p, :kind, :seed, :population, :sample::bigint[], :by, :at) RETURNING id""")
                .param("c", campaign.id()).param("p", phase.id()).param("kind", kind.name()).param("seed", seed)
                .param("population", population.size()).param("sample", "{" + sample.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")) + "}")
                .param("by", by.actor()).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO sup_assignment (campaign_id, phase_id, estate_id, kind, user_id, selection_id, created_at, created_by)
                        SELECT :c, :p, e, :kind, :u, :s, :at, :by FROM unnest(:sample::bigint[]) AS t(e)""")
                .param("c", campaign.id()).param("p", phase.id()).param("kind", kind.name()).param("u", by.id()).param("s", id)
                .param("sample", "{" + sample.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}")
                .param("at", Timestamp.from(clock.instant())).param("by", by.actor()).update();
        return id;
    }

    /** The same population (in id order) and seed always draw the same sample. */
    public static List<Long> draw(List<Long> population, long seed, int size) {
        List<Long> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, Math.min(size, shuffled.size())));
    }

    /** The campaign's draws, each cut to the estates the viewer may see; a draw with none of them is left out. */
    public List<Selection> of(Campaign campaign, CurrentUser viewer) {
        return jdbc.sql("""
                        SELECT id, phase_id, kind, seed, population, estate_ids, selected_by, selected_at FROM sup_spot_selection
                         WHERE campaign_id = :c ORDER BY id DESC""")
                .param("c", campaign.id())
                .query((rs, i) -> {
                    Array ids = rs.getArray("estate_ids");
                    List<EstateRef> estates = Arrays.stream((Long[]) ids.getArray())
                            .flatMap(e -> org.estate(new EstateId(e), viewer.scopePath()).stream()).toList();
                    return new Selection(rs.getLong("id"), rs.getLong("phase_id"), InspectionKind.valueOf(rs.getString("kind")),
                            rs.getLong("seed"), rs.getInt("population"), estates.stream().map(EstateRef::id).toList(),
                            estates.stream().map(EstateRef::name).toList(), rs.getString("selected_by"),
                            rs.getTimestamp("selected_at").toInstant());
                }).list().stream().filter(s -> !s.estateIds().isEmpty()).toList();
    }
}
