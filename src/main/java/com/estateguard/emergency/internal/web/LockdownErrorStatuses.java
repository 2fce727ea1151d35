package com.estateguard.emergency.internal.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.emergency.internal.lockdown.EstateAlreadyLockedDown;
import com.estateguard.emergency.internal.lockdown.IncidentNotOpen;
import com.estateguard.emergency.internal.lockdown.LockdownAlreadyLifted;
import com.estateguard.emergency.internal.lockdown.NoLockdownInForce;
import com.estateguard.emergency.internal.lockdown.NotAnEmergencyPolicy;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The lockdown's named exceptions and what they answer over HTTP (beside {@link EmergencyErrorStatuses}). */
@Component
class LockdownErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                EstateAlreadyLockedDown.class, HttpStatus.CONFLICT,
                NoLockdownInForce.class, HttpStatus.CONFLICT,
                LockdownAlreadyLifted.class, HttpStatus.CONFLICT,
                IncidentNotOpen.class, HttpStatus.CONFLICT,
                NotAnEmergencyPolicy.class, HttpStatus.UNPROCESSABLE_CONTENT);
    }
}
