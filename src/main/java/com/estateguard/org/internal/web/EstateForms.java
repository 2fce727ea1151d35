package com.estateguard.org.internal.web;

import com.estateguard.org.EntranceKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Validated inputs of the organisation pages. */
final class EstateForms {

    private EstateForms() {
    }

    record NewEstate(@NotBlank @Size(max = 60) String name, @NotNull Long communityId, @NotNull Long companyId,
                     @NotNull @DecimalMin("100") @DecimalMax("10000000") BigDecimal areaM2, @Size(max = 200) String address,
                     @Size(max = 40) String firstResponsible, @Size(max = 40) String preventionAdmin,
                     @Size(max = 200) String observationPoint) {
    }

    record NewEntrance(@NotBlank @Size(max = 40) String name, @NotNull EntranceKind kind) {
    }

    record NewPlace(@NotBlank @Size(max = 40) String name, @Size(max = 100) String location) {
    }
}
