package com.estateguard.supervision.internal.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.supervision.internal.rectification.OrderAlreadyAnswered;
import com.estateguard.supervision.internal.rectification.OrderNotAnswered;
import com.estateguard.supervision.internal.rectification.VerifierAnsweredOrder;
import com.estateguard.supervision.internal.rectification.VerifierNotAuthority;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The rectification orders' named exceptions and what they answer over HTTP. */
@Component
class RectificationErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                OrderAlreadyAnswered.class, HttpStatus.CONFLICT,
                OrderNotAnswered.class, HttpStatus.CONFLICT,
                VerifierAnsweredOrder.class, HttpStatus.FORBIDDEN,
                VerifierNotAuthority.class, HttpStatus.FORBIDDEN);
    }
}
