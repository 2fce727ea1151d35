package com.estateguard.emergency.internal;

import com.estateguard.common.PhoneNumber;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The plan's forms, validated where they enter. */
public final class PlanForms {

    private static final String ANY_PHONE = "^[0-9+\\- ]{0,40}$";

    private PlanForms() {
    }

    /** Access routes kept clear and the numbers to call (community, housing, health, CDC). */
    public record Contacts(@Size(max = 500) String accessRoutes, @Pattern(regexp = ANY_PHONE) String communityPhone,
                           @Pattern(regexp = ANY_PHONE) String housingPhone, @Pattern(regexp = ANY_PHONE) String healthPhone,
                           @Pattern(regexp = ANY_PHONE) String cdcPhone) {
    }

    /** A post of the working group given to a staff account or to a name and phone. */
    public record Assignment(@NotNull PlanRole role, Long userId, @Size(max = 50) String personName,
                             @Pattern(regexp = PhoneNumber.MOBILE_OR_LANDLINE) String phone) {
    }

    /** An observation point (隔离观察区域) and how many people it takes. */
    public record ObservationPoint(@NotBlank @Size(max = 60) String name, @Size(max = 200) String location,
                                   @Min(1) @Max(500) int capacity) {
    }
}
