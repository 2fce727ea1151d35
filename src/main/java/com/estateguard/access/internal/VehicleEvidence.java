package com.estateguard.access.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A vehicle's plate; each occupant is still checked and recorded on their own (ACC-06). */
public record VehicleEvidence(@NotBlank @Size(max = 16) String plate, boolean residentVehicle) {
}
