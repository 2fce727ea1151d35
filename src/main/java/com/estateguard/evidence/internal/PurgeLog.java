package com.estateguard.evidence.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only log of retention purges (清理记录). Each record is one JSON summary (what was
 * removed, how many, the date range, and the heads of the chains whose rows were cut) signed with
 * HMAC-SHA256 under a key derived from {@code estateguard.evidence.summary-key} (by default the
 * platform's {@code estateguard.crypto.id-key}), so a purge record written by anyone but the
 * platform does not excuse a missing row.
 */
@Component
public class PurgeLog {

    private static final String DOMAIN = "estateguard evidence purge summary v1";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String secret;

    PurgeLog(JdbcClient jdbc, JsonMapper json, @Value("${estateguard.evidence.summary-key:${estateguard.crypto.id-key:}}") String secret) {
        this.jdbc = jdbc;
        this.json = json;
        this.secret = secret;
    }

    /** What one purge removed from one table (of one estate; null for the platform-wide health registers). */
    public record Item(String what, Long estateId, int removed, LocalDate fromDay, LocalDate toDay) {
    }

    /** The last seal of a chain whose rows the purge cut: the seals stay, and must still end here. */
    public record CutHead(String kind, long estateId, LocalDate day, int seq, String link) {
    }

    public record Summary(long purge, Instant ranAt, LocalDate today, List<Item> items, List<CutHead> heads) {
    }

    /** A stored purge with whether its signature holds. */
    public record Entry(long id, Instant ranAt, String createdBy, Summary summary, boolean signatureValid) {

        public int removed() {
            return summary.items().stream().mapToInt(Item::removed).sum();
        }
    }

    /** A purge as a reader sees it: only the items of the estates shown to them and the shared registers. */
    public record Shown(long id, Instant ranAt, String createdBy, boolean signatureValid, List<Item> items) {
    }

    public List<Shown> visibleTo(Set<Long> estateIds) {
        return all().stream().map(e -> new Shown(e.id(), e.ranAt(), e.createdBy(), e.signatureValid(),
                        e.summary().items().stream().filter(i -> i.estateId() == null || estateIds.contains(i.estateId())).toList()))
                .filter(s -> !s.items().isEmpty()).toList();
    }

    long nextId() {
        return jdbc.sql("SELECT nextval('evidence_purge_seq')").query(Long.class).single();
    }

    void write(Summary summary, String actor) {
        String text = json.writeValueAsString(summary);
        jdbc.sql("INSERT INTO evidence_purge (id, ran_at, summary, signature, created_by) VALUES (:id, :at, :s, :sig, :by)")
                .param("id", summary.purge()).param("at", Timestamp.from(summary.ranAt())).param("s", text)
                .param("sig", sign(text)).param("by", actor).update();
    }

    List<Entry> all() {
        return jdbc.sql("SELECT id, ran_at, summary, signature, created_by FROM evidence_purge ORDER BY id DESC")
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    Instant ranAt = rs.getTimestamp("ran_at").toInstant();
                    String text = rs.getString("summary");
                    Summary summary = parse(text).orElse(new Summary(id, ranAt, null, List.of(), List.of()));
                    boolean valid = summary.purge() == id && MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                            rs.getString("signature").getBytes(StandardCharsets.US_ASCII));
                    return new Entry(id, ranAt, rs.getString("created_by"), summary, valid);
                }).list();
    }

    /** A summary the platform did not write may not even parse; it is then shown as forged, not a failure. */
    private Optional<Summary> parse(String text) {
        try {
            Summary summary = json.readValue(text, Summary.class);
            return summary.items() == null || summary.heads() == null ? Optional.empty() : Optional.of(summary);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    String sign(String text) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("estateguard.crypto.id-key (or estateguard.evidence.summary-key) is not set");
        }
        byte[] key = hmac(secret.getBytes(StandardCharsets.UTF_8), DOMAIN);
        return HexFormat.of().formatHex(hmac(key, text));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
