package com.estateguard.residents.internal.web;

import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person entered on the register page; the ID checksum is checked by the register. */
public record ResidentForm(@NotNull Long estateId, @NotBlank @Size(max = 20) String building, @Size(max = 20) String unit,
                    @NotBlank @Size(max = 20) String room, @NotBlank @Size(max = 40) String name, @NotNull PersonKind kind,
                    @Pattern(regexp = ResidentLine.MOBILE_OR_LANDLINE) String phone,
                    @NotBlank @Pattern(regexp = "\\s*\\d{17}[\\dXx]\\s*") String idNumber,
                    Boolean noSmartphone, Boolean accessControl) {

    ResidentLine line() {
        return new ResidentLine(building, unit, room, name, kind, phone, idNumber, Boolean.TRUE.equals(noSmartphone),
                Boolean.TRUE.equals(accessControl));
    }
}
