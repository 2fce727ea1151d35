package com.estateguard.emergency.internal.contacts.web;

import com.estateguard.emergency.internal.contacts.ContactTier;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the contacts page, each a validated record. */
final class ContactForms {

    private ContactForms() {
    }

    /** Confirm a candidate with a tier, or dismiss them (no tier). */
    record DecideForm(Long parentId, @NotBlank @Size(max = 100) String identity, ContactTier tier,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dayOne) {
    }

    /** Someone the records did not suggest. */
    record ManualForm(Long parentId, @NotBlank @Size(max = 50) String name, @Size(max = 18) String idNumber,
                      @Size(max = 20) String phone, @NotNull ContactTier tier, @Size(max = 200) String note,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dayOne) {
    }

    record ProtocolForm(@NotNull @Positive Long protocolId) {
    }

    record NatForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sampledOn, boolean positive) {
    }

    record HealthForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                      @DecimalMin("34.0") @DecimalMax("43.0") BigDecimal temperature, @Size(max = 200) String symptoms) {
    }
}
