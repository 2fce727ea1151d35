package com.estateguard.access.internal.visitors;

import com.estateguard.common.PhoneNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A visitor registered by their host (self-service) or at the gate desk. */
public record VisitForm(@Size(max = 40) String hostName, @Size(max = 40) String hostAddress,
                 @NotBlank @Size(max = 40) String visitorName,
                 @NotBlank @Pattern(regexp = "\\s*\\d{17}[\\dXx]\\s*") String idNumber,
                 @Pattern(regexp = PhoneNumber.MOBILE_OR_LANDLINE) String phone,
                 @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitDate,
                 @Size(max = 40) String exception, @Pattern(regexp = "^([\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6})?$") String plate,
                 @Size(max = 60) String fromPlace, Boolean fromRiskArea,
                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate natSampledOn) {

    public static VisitForm empty(LocalDate today) {
        return new VisitForm("", "", "", "", "", today, "", "", "", false, null);
    }

    public boolean riskArea() {
        return Boolean.TRUE.equals(fromRiskArea);
    }
}
