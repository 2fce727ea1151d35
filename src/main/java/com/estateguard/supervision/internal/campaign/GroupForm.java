package com.estateguard.supervision.internal.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new inspection group (组团): its name, the streets/towns it covers and its leading member company. */
public record GroupForm(@NotBlank @Size(max = 40) String name, @NotEmpty List<Long> regionIds, Long leaderCompanyId) {
}
