package com.estateguard.hygiene.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A new place and its plan. Values left empty take the policy's numbers for that kind of place. */
public record PlaceForm(
        @NotBlank(message = "{hyg.error.placeName}") @Size(max = 60, message = "{hyg.error.placeName}") String name,
        @NotNull(message = "{hyg.error.placeType}") PlaceType type,
        @Min(value = 1, message = "{hyg.error.times}") @Max(value = 24, message = "{hyg.error.times}") Integer timesPerDay,
        Agent agent,
        @Min(value = 1, message = "{hyg.error.range}") @Max(value = 10000, message = "{hyg.error.range}") Integer minMgL,
        @Min(value = 1, message = "{hyg.error.range}") @Max(value = 10000, message = "{hyg.error.range}") Integer maxMgL,
        @Min(value = 0, message = "{hyg.error.ventilation}") @Max(value = 240, message = "{hyg.error.ventilation}") Integer ventilationMinutes,
        @DecimalMin(value = "0.5", message = "{hyg.error.wipe}") @DecimalMax(value = "5.0", message = "{hyg.error.wipe}") BigDecimal wipeHeightM) {
}
