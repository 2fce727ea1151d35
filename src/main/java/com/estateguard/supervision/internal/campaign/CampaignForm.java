package com.estateguard.supervision.internal.campaign;

import com.estateguard.supervision.InspectionKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** A new campaign with its first phase. */
public record CampaignForm(@NotBlank @Size(max = 100) String name,
                           @NotNull Long regionId,
                           @NotNull Long templateId,
                           @NotEmpty List<InspectionKind> kinds,
                           @NotBlank @Size(max = 40) String phaseName,
                           @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {
}
