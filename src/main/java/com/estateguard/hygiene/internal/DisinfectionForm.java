package com.estateguard.hygiene.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the cleaner enters on the phone. Only impossible values are refused here; a concentration
 * outside the policy range or a short ventilation is accepted and marked non-compliant.
 */
public record DisinfectionForm(
        @NotNull(message = "{hyg.error.doneAt}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime doneAt,
        @NotNull(message = "{hyg.error.agent}") Agent agent,
        @Min(value = 1, message = "{hyg.error.concentration}") @Max(value = 100000, message = "{hyg.error.concentration}") Integer concentrationMgL,
        @NotNull(message = "{hyg.error.area}") @DecimalMin(value = "0.1", message = "{hyg.error.area}") @DecimalMax(value = "100000", message = "{hyg.error.area}") BigDecimal areaM2,
        @NotNull(message = "{hyg.error.ventilation}") @Min(value = 0, message = "{hyg.error.ventilation}") @Max(value = 600, message = "{hyg.error.ventilation}") Integer ventilationMinutes,
        @DecimalMin(value = "0", message = "{hyg.error.wipe}") @DecimalMax(value = "10", message = "{hyg.error.wipe}") BigDecimal wipeHeightM) {
}
