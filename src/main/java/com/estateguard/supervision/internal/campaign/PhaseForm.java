package com.estateguard.supervision.internal.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The next phase of a campaign; no end date: it continues. */
public record PhaseForm(@NotBlank @Size(max = 40) String name,
                        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {
}
