package com.estateguard.emergency;

import com.estateguard.org.EstateId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Opening an incident (EMG-03): the estate, whether it is a drill, what the case is, who the case
 * person is (name, phone and, when known, ID number: only its keyed hash and mask are kept), where the
 * person was taken from, the onset or sampling time and where they are now.
 */
public record OpenIncident(@NotNull EstateId estate, boolean drill, @NotNull IncidentKind kind,
                           @NotBlank @Size(max = 50) String caseName,
                           @Pattern(regexp = com.estateguard.common.PhoneNumber.MOBILE_OR_LANDLINE) String casePhone,
                           @Size(max = 18) String caseIdNumber,
                           @NotNull CaseSource source, @Size(max = 50) String sourceRef,
                           Instant onsetAt, Instant sampledAt, @Size(max = 200) String locationNow) {
}
