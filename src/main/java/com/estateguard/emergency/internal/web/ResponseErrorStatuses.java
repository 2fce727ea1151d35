package com.estateguard.emergency.internal.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.emergency.internal.places.PlaceAlreadyReopened;
import com.estateguard.emergency.internal.places.PlaceNotAssessed;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The named exceptions of closed places (screening and communication refuse with common's InvalidInputException). */
@Component
class ResponseErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                PlaceNotAssessed.class, HttpStatus.CONFLICT,
                PlaceAlreadyReopened.class, HttpStatus.CONFLICT);
    }
}
