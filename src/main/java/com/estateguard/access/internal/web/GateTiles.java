package com.estateguard.access.internal.web;

import static com.estateguard.policy.ReasonCode.*;

import com.estateguard.access.internal.CheckOutcome;
import com.estateguard.access.internal.Evidence;
import com.estateguard.policy.ReasonCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The four checks ("四件套") side by side after a decision, each green, red or grey (not done), and
 * "三核查" as a fifth where it was recorded or asked for.
 */
public record GateTiles(List<Tile> tiles) {

    public record Tile(String labelKey, String value, String state, boolean demo) {
    }

    private static final Set<ReasonCode> TEMPERATURE = EnumSet.of(MISSING_TEMPERATURE, FEVER);
    private static final Set<ReasonCode> CODE = EnumSet.of(MISSING_HEALTH_CODE, CODE_SHOWN_NOT_SCANNED, CODE_TYPED_NOT_SCANNED,
            CODE_NOT_GREEN);
    private static final Set<ReasonCode> CREDENTIAL = EnumSet.of(MISSING_CREDENTIAL, CREDENTIAL_NOT_VERIFIED);
    private static final Set<ReasonCode> NAT = EnumSet.of(MISSING_NAT, NAT_EXPIRED, NAT_POSITIVE);
    private static final Set<ReasonCode> THREE_CHECKS = EnumSet.of(MISSING_ID_DOCUMENT, MISSING_RESIDENCE_PERMIT,
            MISSING_TRAVEL_CODE, TRAVEL_CODE_STARRED, TRAVEL_CODE_RISK);

    /** Builds the tiles with their values in the page's language ({@code text} resolves message keys). */
    static GateTiles of(CheckOutcome outcome, Function<String, String> text) {
        Set<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
        outcome.reasons().forEach(r -> codes.add(r.code()));
        Evidence e = outcome.evidence();
        List<Tile> tiles = new ArrayList<>(List.of(
                tile("gate.tile.temperature", e.temperature() == null ? null
                        : e.temperature().celsius() + " °C · " + text.apply("method." + e.temperature().method()),
                        codes, TEMPERATURE, false),
                tile("gate.tile.code", e.healthCode() == null ? null
                        : text.apply("code." + e.healthCode().status()) + " · " + text.apply("acq." + e.healthCode().acquisition())
                        + " · " + source(e.healthCode().source(), text), codes, CODE, e.healthCode() != null && e.healthCode().demo()),
                tile("gate.tile.credential", e.credential() == null ? null
                        : text.apply("credential." + e.credential().type())
                        + (e.credential().verified() || e.credential().accessControl() ? " ✓" : " ✗"), codes, CREDENTIAL, false),
                tile("gate.tile.nat", e.nat() == null ? null
                        : text.apply("nat." + e.nat().result()) + " · " + Duration.between(e.nat().sampledAt(), outcome.occurredAt()).toHours()
                        + "h · " + source(e.nat().source(), text), codes, NAT, e.nat() != null && e.nat().demo())));
        if (e.threeChecks() != null || codes.stream().anyMatch(THREE_CHECKS::contains)) {
            tiles.add(tile("gate.threeChecks", threeChecks(e.threeChecks(), text), codes, THREE_CHECKS, false));
        }
        return new GateTiles(List.copyOf(tiles));
    }

    /** "三核查" (001) in one tile: the ID and the residence permit ticked or not, and what the travel code showed. */
    private static String threeChecks(Evidence.ThreeChecks t, Function<String, String> text) {
        if (t == null) {
            return null;
        }
        return text.apply("gate.idDocument") + (t.idDocumentChecked() ? " ✓" : " —") + " · "
                + text.apply("gate.residencePermit") + (t.residencePermitChecked() ? " ✓" : " —") + " · "
                + text.apply("gate.travelCode") + " " + (t.travelCode() == null ? "—" : text.apply("travelCode." + t.travelCode()));
    }

    /** REGISTER, DEMO, GUARD:…, TERMINAL:… in words; what follows a colon is kept as written. */
    static String source(String source, Function<String, String> text) {
        if (source == null) {
            return "";
        }
        int colon = source.indexOf(':');
        String head = colon < 0 ? source : source.substring(0, colon);
        return text.apply("source." + head) + (colon < 0 ? "" : "（" + source.substring(colon + 1) + "）");
    }

    private static Tile tile(String label, String value, Set<ReasonCode> reasons, Set<ReasonCode> mine, boolean demo) {
        boolean failed = reasons.stream().anyMatch(mine::contains);
        String state = failed ? "bad" : value == null ? "none" : "ok";
        return new Tile(label, value == null ? "—" : value, state, demo);
    }
}
