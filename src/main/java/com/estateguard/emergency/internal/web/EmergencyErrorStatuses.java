package com.estateguard.emergency.internal.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.emergency.internal.EndWithoutCdcAssessment;
import com.estateguard.emergency.internal.IncidentAlreadyEnded;
import com.estateguard.emergency.internal.ReportBackdated;
import com.estateguard.emergency.internal.TimeInTheFuture;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The emergency module's named exceptions and what they answer over HTTP. */
@Component
class EmergencyErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                IncidentAlreadyEnded.class, HttpStatus.CONFLICT,
                EndWithoutCdcAssessment.class, HttpStatus.CONFLICT,
                ReportBackdated.class, HttpStatus.UNPROCESSABLE_CONTENT,
                TimeInTheFuture.class, HttpStatus.UNPROCESSABLE_CONTENT);
    }
}
