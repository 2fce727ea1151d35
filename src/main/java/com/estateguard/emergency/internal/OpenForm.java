package com.estateguard.emergency.internal;

import com.estateguard.common.PhoneNumber;
import com.estateguard.emergency.CaseSource;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.OpenIncident;
import com.estateguard.org.EstateId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import java.time.ZoneId;

/** The page's form for opening an incident; times are local. A drill is ticked explicitly. */
public record OpenForm(@NotNull Long estateId, Boolean drill, @NotNull IncidentKind kind,
                       @NotBlank @Size(max = 50) String caseName,
                       @Pattern(regexp = PhoneNumber.MOBILE_OR_LANDLINE) String casePhone,
                       @Size(max = 18) String caseIdNumber, @NotNull CaseSource source, @Size(max = 50) String sourceRef,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime onsetAt, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime sampledAt, @Size(max = 200) String locationNow) {

    public OpenIncident command(ZoneId zone) {
        return new OpenIncident(new EstateId(estateId), Boolean.TRUE.equals(drill), kind, caseName, casePhone, caseIdNumber, source, sourceRef,
                onsetAt == null ? null : onsetAt.atZone(zone).toInstant(),
                sampledAt == null ? null : sampledAt.atZone(zone).toInstant(), locationNow);
    }
}
