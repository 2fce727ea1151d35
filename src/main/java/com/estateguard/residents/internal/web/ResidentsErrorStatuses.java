package com.estateguard.residents.internal.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.residents.internal.ParcelAlreadyPickedUp;
import com.estateguard.residents.internal.PassAlreadyIssued;
import com.estateguard.residents.internal.PassAlreadyRevoked;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The residents module's named exceptions and what they answer over HTTP. */
@Component
class ResidentsErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                PassAlreadyIssued.class, HttpStatus.CONFLICT,
                PassAlreadyRevoked.class, HttpStatus.CONFLICT,
                ParcelAlreadyPickedUp.class, HttpStatus.CONFLICT);
    }
}
