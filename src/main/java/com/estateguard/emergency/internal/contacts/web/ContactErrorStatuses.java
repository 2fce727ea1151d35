package com.estateguard.emergency.internal.contacts.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.emergency.internal.contacts.ContactAlreadyDecided;
import com.estateguard.emergency.internal.contacts.ContactNotManaged;
import com.estateguard.emergency.internal.contacts.ReleaseRefused;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Contact tracing's named exceptions and what they answer over HTTP. */
@Component
class ContactErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                ContactAlreadyDecided.class, HttpStatus.CONFLICT,
                ContactNotManaged.class, HttpStatus.CONFLICT,
                ReleaseRefused.class, HttpStatus.UNPROCESSABLE_CONTENT);
    }
}
