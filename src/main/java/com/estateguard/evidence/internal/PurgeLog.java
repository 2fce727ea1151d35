package com.estateguard.evidence.internal;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsLast;
import static java.util.Comparator.reverseOrder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only log of retention purges (清理记录). A purge is a header in {@code evidence_purge} (when, by whom, the
 * platform-wide items) and one part per estate it removed rows of in {@code evidence_purge_part} (that estate's items
 * and the heads of the chains whose rows were cut), each a JSON text signed with HMAC-SHA256 under a key derived from
 * {@code estateguard.evidence.summary-key} (by default the platform's {@code estateguard.crypto.id-key}), so a purge
 * record written by anyone but the platform does not excuse a missing row. A reader of some estates reads the headers
 * and only those estates' parts (issue 12). Purges written before V239 have every estate's items and heads in the
 * header, and read as they did.
 */
@Component
public class PurgeLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PurgeSignature signature;

    PurgeLog(JdbcClient jdbc, JsonMapper json, @Value("${estateguard.evidence.summary-key:${estateguard.crypto.id-key:}}") String secret) {
        this.jdbc = jdbc;
        this.json = json;
        this.signature = new PurgeSignature(secret);
    }

    /** What one purge removed from one table (of one estate; null for the platform-wide health registers). */
    public record Item(String what, Long estateId, int removed, LocalDate fromDay, LocalDate toDay) {
    }

    /** The last seal of a chain whose rows the purge cut: the seals stay, and must still end here. */
    public record CutHead(String kind, long estateId, LocalDate day, int seq, String link) {
    }

    public record Summary(long purge, Instant ranAt, LocalDate today, List<Item> items, List<CutHead> heads) {
    }

    /** One estate's share of a purge, as stored in evidence_purge_part. */
    record Part(long purge, long estateId, List<Item> items, List<CutHead> heads) {

        /** Everything in it is of its own estate: a part speaks for no other. */
        boolean ofItsEstate() {
            return items.stream().allMatch(i -> Objects.equals(i.estateId(), estateId))
                    && heads.stream().allMatch(h -> h.estateId() == estateId);
        }
    }

    /**
     * A stored record of a purge with whether its signature holds: the purge's header ({@code estateId} null) or the part
     * of one estate (its items and heads in {@code summary}).
     */
    public record Entry(long id, Instant ranAt, String createdBy, Long estateId, Summary summary, boolean signatureValid) {

        public int removed() {
            return summary.items().stream().mapToInt(Item::removed).sum();
        }

        /** Whether it speaks of one of these estates (null: of every estate); a part speaks of its own. */
        boolean concerns(Collection<Long> estates) {
            return estates == null || (estateId != null ? estates.contains(estateId)
                    : summary.items().stream().anyMatch(i -> i.estateId() == null || estates.contains(i.estateId())));
        }
    }

    /** A purge record as a reader sees it: only the items of the estates shown to them and the shared registers. */
    public record Shown(long id, Instant ranAt, String createdBy, boolean signatureValid, List<Item> items) {
    }

    public List<Shown> visibleTo(Set<Long> estateIds) {
        return concerning(estateIds).stream().map(e -> new Shown(e.id(), e.ranAt(), e.createdBy(), e.signatureValid(),
                        e.summary().items().stream().filter(i -> i.estateId() == null || estateIds.contains(i.estateId())).toList()))
                .filter(s -> !s.items().isEmpty()).toList();
    }

    /**
     * The records of every purge that these estates (null: every estate) need: every header (one a night, small since
     * V239) and these estates' parts, newest purge first, a purge's parts by estate before its header.
     */
    public List<Entry> concerning(Collection<Long> estates) {
        List<Entry> entries = new ArrayList<>(headers());
        if (estates == null || !estates.isEmpty()) {
            entries.addAll(parts(estates));
        }
        entries.sort(comparing(Entry::id, reverseOrder())
                .thenComparing(Entry::estateId, nullsLast(naturalOrder())));
        return entries;
    }

    long nextId() {
        return jdbc.sql("SELECT nextval('evidence_purge_seq')").query(Long.class).single();
    }

    /** Writes the purge's header (its platform-wide items) and one part per estate it removed rows of. */
    void write(Summary summary, String actor) {
        Summary header = new Summary(summary.purge(), summary.ranAt(), summary.today(),
                summary.items().stream().filter(i -> i.estateId() == null).toList(), List.of());
        String text = json.writeValueAsString(header);
        jdbc.sql("INSERT INTO evidence_purge (id, ran_at, summary, signature, created_by) VALUES (:id, :at, :s, :sig, :by)")
                .param("id", summary.purge()).param("at", Timestamp.from(summary.ranAt())).param("s", text)
                .param("sig", signature.ofHeader(text)).param("by", actor).update();
        writeParts(byEstate(summary));
    }

    private void writeParts(Collection<Part> parts) {
        if (parts.isEmpty()) {
            return;
        }
        String[] estate = new String[parts.size()];
        String[] text = new String[parts.size()];
        String[] signed = new String[parts.size()];
        int i = 0;
        for (Part part : parts) {
            estate[i] = Long.toString(part.estateId());
            text[i] = json.writeValueAsString(part);
            signed[i] = signature.ofPart(part.purge(), part.estateId(), text[i]);
            i++;
        }
        // One statement for every estate's part (the columns as arrays, unnested side by side), as the sealer does.
        jdbc.sql("""
                        INSERT INTO evidence_purge_part (purge_id, estate_id, summary, signature)
                        SELECT ?, e, s, g FROM unnest(cast(? AS bigint[]), cast(? AS text[]), cast(? AS text[])) AS v(e, s, g)""")
                .param(parts.iterator().next().purge()).param(estate).param(text).param(signed).update();
    }

    private static Collection<Part> byEstate(Summary summary) {
        Map<Long, Part> parts = new TreeMap<>();
        summary.items().stream().filter(i -> i.estateId() != null).forEach(item -> parts.computeIfAbsent(item.estateId(),
                e -> new Part(summary.purge(), e, new ArrayList<>(), new ArrayList<>())).items().add(item));
        summary.heads().forEach(head -> parts.computeIfAbsent(head.estateId(),
                e -> new Part(summary.purge(), e, new ArrayList<>(), new ArrayList<>())).heads().add(head));
        return parts.values();
    }

    private List<Entry> headers() {
        return jdbc.sql("SELECT id, ran_at, summary, signature, created_by FROM evidence_purge")
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    Instant ranAt = rs.getTimestamp("ran_at").toInstant();
                    String text = rs.getString("summary");
                    Summary summary = parse(text, Summary.class).filter(s -> s.items() != null && s.heads() != null)
                            .orElse(new Summary(id, ranAt, null, List.of(), List.of()));
                    boolean valid = summary.purge() == id && PurgeSignature.holds(signature.ofHeader(text), rs.getString("signature"));
                    return new Entry(id, ranAt, rs.getString("created_by"), null, summary, valid);
                }).list();
    }

    /** These estates' parts (null: every estate's), through the index on (estate_id, purge_id). */
    private List<Entry> parts(Collection<Long> estates) {
        var statement = jdbc.sql("""
                SELECT t.purge_id, t.estate_id, t.summary, t.signature, p.ran_at, p.created_by
                  FROM evidence_purge_part t JOIN evidence_purge p ON p.id = t.purge_id"""
                + (estates == null ? "" : " WHERE t.estate_id IN (:estates)"));
        return (estates == null ? statement : statement.param("estates", estates)).query((rs, i) -> part(rs)).list();
    }

    /** A part that does not parse, names another purge or estate, or whose signature fails is forged. */
    private Entry part(ResultSet rs) throws SQLException {
        long id = rs.getLong("purge_id");
        long estateId = rs.getLong("estate_id");
        Instant ranAt = rs.getTimestamp("ran_at").toInstant();
        String text = rs.getString("summary");
        Optional<Part> part = parse(text, Part.class).filter(p -> p.items() != null && p.heads() != null)
                .filter(p -> p.purge() == id && p.estateId() == estateId && p.ofItsEstate());
        boolean valid = part.isPresent()
                && PurgeSignature.holds(signature.ofPart(id, estateId, text), rs.getString("signature"));
        Summary summary = new Summary(id, ranAt, null, part.map(Part::items).orElse(List.of()),
                part.map(Part::heads).orElse(List.of()));
        return new Entry(id, ranAt, rs.getString("created_by"), estateId, summary, valid);
    }

    /** A record the platform did not write may not even parse; it is then shown as forged, not a failure. */
    private <T> Optional<T> parse(String text, Class<T> type) {
        try {
            return Optional.ofNullable(json.readValue(text, type));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
