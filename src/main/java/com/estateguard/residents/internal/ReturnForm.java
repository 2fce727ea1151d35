package com.estateguard.residents.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A return from outside the city, registered at the gate desk or by the returnee (RES-02). */
public record ReturnForm(@NotBlank @Size(max = 40) String name, @NotBlank @Pattern(regexp = "\\s*\\d{17}[\\dXx]\\s*") String idNumber,
                  @Pattern(regexp = ResidentLine.MOBILE_OR_LANDLINE) String phone, @NotBlank @Size(max = 40) String address,
                  @NotBlank @Size(max = 60) String fromPlace, Boolean riskArea,
                  @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate arrivalDate) {

    public static ReturnForm empty(LocalDate today) {
        return new ReturnForm("", "", "", "", "", false, today);
    }
}
