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

    public enum CodeAcquisition { SCANNED, SHOWN }

    public enum CredentialType { PASS, ACCESS_CARD, ID_DOCUMENT }

    /** A body temperature; values outside 34-42.5 °C are misreadings and refused as input. */
    public record TemperatureReading(
            @NotNull @DecimalMin(value = "34.0", message = "{temperature.implausible}")
            @DecimalMax(value = "42.5", message = "{temperature.implausible}") BigDecimal celsius,
            @NotNull TemperatureMethod method) {
    }

    /** A health-code status; SHOWN means someone held up a screen, which never counts as a scan. */
    public record HealthCodeEvidence(@NotNull CodeStatus status, @NotNull CodeAcquisition acquisition,
                                     @Size(max = 64) String source, boolean demo) {
    }

    /** For a resident pass the reference is the scanned token (up to 160 characters) until the recorder verifies it. */
    public record CredentialEvidence(@NotNull CredentialType type, @Size(max = 160) String reference, boolean verified,
                                     boolean accessControl) {
    }

    public record NatEvidence(@NotNull Instant sampledAt, @NotNull NatResult result, @Size(max = 64) String source,
                              boolean demo) {
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
