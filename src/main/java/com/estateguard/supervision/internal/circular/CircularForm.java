package com.estateguard.supervision.internal.circular;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A circular to publish for a campaign phase (its campaign follows from it): its title (empty: the usual one) and how many good examples to name. */
public record CircularForm(
        @NotNull(message = "{circular.error.phase}") Long phaseId,
        @Size(max = 120, message = "{circular.error.title}") String title,
        @Min(value = 0, message = "{circular.error.examples}") @Max(value = 20, message = "{circular.error.examples}") Integer goodExamples) {

    int examples() {
        return goodExamples == null ? 3 : goodExamples;
    }
}
