package com.estateguard.access.internal;

import com.estateguard.healthdata.CodeStatus;
import com.estateguard.healthdata.NatResult;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What was checked for one person and how it was obtained. Stored with the check record as
 * evidence; a missing part means the check was not done.
 */
public record Evidence(@Valid TemperatureReading temperature, @Valid HealthCodeEvidence healthCode,
                       @Valid CredentialEvidence credential, @Valid NatEvidence nat, @Valid Answers answers,
                       Boolean mask, @Valid ThreeChecks threeChecks) {

    /** What a client that does not know "三核查" sends: none of the three was checked. */
    public Evidence(TemperatureReading temperature, HealthCodeEvidence healthCode, CredentialEvidence credential,
                    NatEvidence nat, Answers answers, Boolean mask) {
        this(temperature, healthCode, credential, nat, answers, mask, null);
    }

    public enum TemperatureMethod { INFRARED_TERMINAL, HANDHELD_GUN }

    /** SHOWN: a screen held up; TYPED: typed or pasted by hand on the gate page. Neither is a scan ("不得以亮码代替扫码"). */
    public enum CodeAcquisition { SCANNED, SHOWN, TYPED }

    /**
     * How a code reached the gate page, as the page's script saw it: a keyboard-wedge scanner's
     * burst, the camera's decoder, or anything else (keys typed by hand, a paste).
     */
    public enum CodeInput { SCANNER, CAMERA, TYPED }

    public enum CredentialType { PASS, ACCESS_CARD, ID_DOCUMENT }

    /** A body temperature; values outside 34-42.5 °C are misreadings and refused as input. */
    public record TemperatureReading(
            @NotNull @DecimalMin(value = "34.0", message = "{temperature.implausible}")
            @DecimalMax(value = "42.5", message = "{temperature.implausible}") BigDecimal celsius,
            @NotNull TemperatureMethod method) {
    }

    /**
     * A health-code status; SHOWN means someone held up a screen and TYPED that the payload was typed,
     * neither counts as a scan. {@code input} is how the gate page received the payload.
     * {@code claimedBy} is set when the server could not check the status itself: it is then only
     * that device's (or person's) word, never verified.
     */
    public record HealthCodeEvidence(@NotNull CodeStatus status, @NotNull CodeAcquisition acquisition,
                                     @Size(max = 64) String source,
                                     @Schema(description = "Set by the server: the result came from the demo source (演示数据)")
                                     boolean demo, CodeInput input,
                                     @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = """
                                             Set by the server when it could not check the status itself (no \
                                             scannedCode it could resolve): the device whose claim this is, never verified.""")
                                     Voucher claimedBy) {

        public HealthCodeEvidence(CodeStatus status, CodeAcquisition acquisition, String source, boolean demo) {
            this(status, acquisition, source, demo, null, null);
        }
    }

    /**
     * Who vouches for evidence the server cannot check (a terminal's own reading of a health code, a
     * NAT report shown on paper): the actor as recorded ({@code device:key-12}) and its name.
     */
    public record Voucher(@Size(max = 64) String actor, @Size(max = 100) String name) {
    }

    /** For a resident pass the reference is the scanned token (up to 160 characters) until the recorder verifies it. */
    public record CredentialEvidence(@NotNull CredentialType type, @Size(max = 160) String reference, boolean verified,
                                     boolean accessControl) {
    }

    /** A NAT result; {@code claimedBy} as for a health code, when no register of the platform gave it. */
    public record NatEvidence(@NotNull Instant sampledAt, @NotNull NatResult result, @Size(max = 64) String source,
                              boolean demo,
                              @Schema(accessMode = Schema.AccessMode.READ_ONLY,
                                      description = "Set by the server: who reported this NAT; never verified") Voucher claimedBy) {

        public NatEvidence(Instant sampledAt, NatResult result, String source, boolean demo) {
            this(sampledAt, result, source, demo, null);
        }
    }

    /** "二问": where are you going, do you have symptoms. */
    public record Answers(@Size(max = 100) String destination, Boolean symptoms) {
        public boolean complete() {
            return destination != null && !destination.isBlank() && symptoms != null;
        }
    }

    /**
     * "三核查" (001, ACC-08) as the guard or terminal records it: the ID document and the
     * residence permit looked at, and what the travel code showed. A null part was not checked.
     */
    @Schema(description = "三核查 (Huachuan 2021): ID document, residence permit and travel code checked by the guard or terminal. "
            + "Optional; left out means none of the three was checked.")
    public record ThreeChecks(
            @Schema(description = "The ID document (身份证) was checked against the person") Boolean idDocument,
            @Schema(description = "The residence permit (居住证) was checked") Boolean residencePermit,
            @Schema(description = "What the travel code (行程码) showed; NOT_SHOWN when asked and not shown") TravelCode travelCode) {

        public static final ThreeChecks NONE = new ThreeChecks(null, null, null);

        public boolean idDocumentChecked() {
            return Boolean.TRUE.equals(idDocument);
        }

        public boolean residencePermitChecked() {
            return Boolean.TRUE.equals(residencePermit);
        }

        public boolean travelCodeChecked() {
            return travelCode != null && travelCode != TravelCode.NOT_SHOWN;
        }
    }

    /** 行程码: 正常 / 带星 / 去过中高风险地区 / 未出示. */
    public enum TravelCode { NORMAL, STARRED, RISK_AREA, NOT_SHOWN }

    /** The three checks, never null: a client that sent none gets {@link ThreeChecks#NONE}. */
    public ThreeChecks threeChecksOrNone() {
        return threeChecks == null ? ThreeChecks.NONE : threeChecks;
    }

    public Evidence withHealthCode(HealthCodeEvidence code) {
        return new Evidence(temperature, code, credential, nat, answers, mask, threeChecks);
    }

    public Evidence withCredential(CredentialEvidence credentialEvidence) {
        return new Evidence(temperature, healthCode, credentialEvidence, nat, answers, mask, threeChecks);
    }

    public Evidence withNat(NatEvidence natEvidence) {
        return new Evidence(temperature, healthCode, credential, natEvidence, answers, mask, threeChecks);
    }
}
