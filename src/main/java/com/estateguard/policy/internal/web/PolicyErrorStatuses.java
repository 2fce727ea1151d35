package com.estateguard.policy.internal.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.policy.NoPolicyException;
import com.estateguard.policy.PolicyVersionEnded;
import com.estateguard.policy.PolicyVersionInEffect;
import com.estateguard.policy.PolicyVersionNotStarted;
import com.estateguard.policy.PolicyVersionWithdrawn;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The policy module's named exceptions and what they answer over HTTP. */
@Component
class PolicyErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                NoPolicyException.class, HttpStatus.CONFLICT,
                PolicyVersionInEffect.class, HttpStatus.CONFLICT,
                PolicyVersionWithdrawn.class, HttpStatus.CONFLICT,
                PolicyVersionEnded.class, HttpStatus.CONFLICT,
                PolicyVersionNotStarted.class, HttpStatus.CONFLICT);
    }
}
