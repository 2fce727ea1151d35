package com.estateguard.access.internal;

import com.estateguard.healthdata.CodeStatus;
import com.estateguard.healthdata.NatResult;
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
                       Boolean mask) {

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

    public Evidence withHealthCode(HealthCodeEvidence code) {
        return new Evidence(temperature, code, credential, nat, answers, mask);
    }

    public Evidence withCredential(CredentialEvidence credentialEvidence) {
        return new Evidence(temperature, healthCode, credentialEvidence, nat, answers, mask);
    }

    public Evidence withNat(NatEvidence natEvidence) {
        return new Evidence(temperature, healthCode, credential, natEvidence, answers, mask);
    }
}
