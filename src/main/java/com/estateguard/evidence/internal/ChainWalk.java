package com.estateguard.evidence.internal;

import com.estateguard.evidence.internal.ChainReport.Break;
import com.estateguard.evidence.internal.ChainReport.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walks the seals of one kind in chain order (estate, day, seq), recomputing every link from the
 * previous one and comparing each sealed content hash with the row as it is now. A missing row
 * that a validly signed purge record (the estate's part, or a header written before the parts) covers (same table,
 * estate and day range) counts as purged by its purge.
 */
class ChainWalk {

    /** One seal with the row's current content hash (null when the row is gone). */
    record Seal(long estateId, LocalDate day, int seq, long rowId, byte[] content, byte[] link, byte[] current) {
    }

    private final List<PurgeLog.Entry> purges;
    private final Map<String, CutHead> cutHeads = new HashMap<>();
    private final List<Break> breaks = new ArrayList<>();
    private final Map<Long, Long> purgedBy = new TreeMap<>();
    private long breakCount;
    private long sealed;

    private EvidenceKind kind;
    private String chain;
    private byte[] previous;
    private int expectedSeq;

    private record CutHead(long purge, int seq, String link) {
    }

    /**
     * {@code purges}: the headers and the parts of the estates verified ({@link PurgeLog#concerning}); {@code estates}: the
     * estates verified (null: all). A forged header is reported where it claims to have removed rows, a forged part where
     * it is stored.
     */
    ChainWalk(List<PurgeLog.Entry> purges, List<Long> estates) {
        this.purges = purges.stream().filter(PurgeLog.Entry::signatureValid).toList();
        for (PurgeLog.Entry purge : this.purges) {
            for (PurgeLog.CutHead head : purge.summary().heads()) {
                cutHeads.merge(key(head.kind(), head.estateId(), head.day()), new CutHead(purge.id(), head.seq(), head.link()),
                        (a, b) -> a.seq() >= b.seq() ? a : b);
            }
        }
        purges.stream().filter(p -> !p.signatureValid()).filter(p -> p.concerns(estates)).forEach(p -> found(forged(p)));
    }

    void start(EvidenceKind kind) {
        finishChain();
        this.kind = kind;
        this.chain = null;
    }

    void accept(Seal seal) {
        String key = key(kind.name(), seal.estateId(), seal.day());
        if (!key.equals(chain)) {
            finishChain();
            chain = key;
            previous = Chain.GENESIS;
            expectedSeq = 1;
        }
        sealed++;
        if (seal.seq() != expectedSeq) {
            found(breakAt(seal, Problem.SEAL_MISSING));
        } else if (!Arrays.equals(Chain.link(previous, seal.content()), seal.link()) || contradictsCutHead(key, seal)) {
            found(breakAt(seal, Problem.LINK_BROKEN));
        } else if (seal.current() == null) {
            Long purge = purgedBy(seal);
            if (purge == null) {
                found(breakAt(seal, Problem.MISSING));
            } else {
                purgedBy.merge(purge, 1L, Long::sum);
            }
        } else if (!Arrays.equals(seal.current(), seal.content())) {
            found(breakAt(seal, Problem.ALTERED));
        }
        previous = seal.link();
        expectedSeq = seal.seq() + 1;
    }

    ChainReport.Break[] breaks() {
        finishChain();
        return breaks.toArray(Break[]::new);
    }

    long breakCount() {
        return breakCount;
    }

    long sealed() {
        return sealed;
    }

    Map<Long, Long> purgedBy() {
        return purgedBy;
    }

    /** A chain that ends before the head a purge signed has lost seals at its end. */
    private void finishChain() {
        if (chain == null) {
            return;
        }
        CutHead cut = cutHeads.get(chain);
        if (cut != null && expectedSeq - 1 < cut.seq()) {
            String[] parts = chain.split("/");
            found(new Break(parts[0], kind.table(), 0, Long.parseLong(parts[1]), LocalDate.parse(parts[2]), cut.seq(),
                    Problem.SEAL_MISSING));
        }
        chain = null;
    }

    private boolean contradictsCutHead(String key, Seal seal) {
        CutHead cut = cutHeads.get(key);
        return cut != null && cut.seq() == seal.seq() && !cut.link().equals(Chain.hex(seal.link()));
    }

    private Long purgedBy(Seal seal) {
        return purges.stream()
                .filter(p -> p.summary().items().stream().anyMatch(item -> item.what().equals(kind.table())
                        && item.estateId() != null && item.estateId() == seal.estateId()
                        && !seal.day().isBefore(item.fromDay()) && !seal.day().isAfter(item.toDay())))
                .map(PurgeLog.Entry::id).findFirst().orElse(null);
    }

    /** A forged header is reported as the purge's; a forged part as the purge's part of its estate. */
    private static Break forged(PurgeLog.Entry purge) {
        return purge.estateId() == null ? new Break("PURGE", "evidence_purge", purge.id(), 0, null, 0, Problem.FORGED_PURGE)
                : new Break("PURGE", "evidence_purge_part", purge.id(), purge.estateId(), null, 0, Problem.FORGED_PURGE);
    }

    private Break breakAt(Seal seal, Problem problem) {
        return new Break(kind.name(), kind.table(), seal.rowId(), seal.estateId(), seal.day(), seal.seq(), problem);
    }

    private void found(Break b) {
        breakCount++;
        if (breaks.size() < ChainReport.SHOWN) {
            breaks.add(b);
        }
    }

    private static String key(String kind, long estateId, LocalDate day) {
        return kind + "/" + estateId + "/" + day;
    }
}
