package com.estateguard.access.internal.web;

import com.estateguard.access.internal.ClientIdTaken;
import com.estateguard.access.internal.EntranceLimitReached;
import com.estateguard.access.internal.FollowUpAlreadyClosed;
import com.estateguard.access.internal.NotOnShift;
import com.estateguard.access.internal.renovation.SiteFull;
import com.estateguard.access.internal.renovation.SiteNotOpen;
import com.estateguard.access.internal.renovation.WorkerAlreadyOnSite;
import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The checkpoint's named exceptions and what they answer over HTTP. */
@Component
class AccessErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                NotOnShift.class, HttpStatus.FORBIDDEN,
                ClientIdTaken.class, HttpStatus.CONFLICT,
                EntranceLimitReached.class, HttpStatus.CONFLICT,
                FollowUpAlreadyClosed.class, HttpStatus.CONFLICT,
                WorkerAlreadyOnSite.class, HttpStatus.CONFLICT,
                SiteFull.class, HttpStatus.CONFLICT,
                SiteNotOpen.class, HttpStatus.UNPROCESSABLE_CONTENT);
    }
}
