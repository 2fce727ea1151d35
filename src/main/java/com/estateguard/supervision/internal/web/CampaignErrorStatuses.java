package com.estateguard.supervision.internal.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.supervision.internal.campaign.NotAnAuthority;
import com.estateguard.supervision.internal.campaign.NothingToSample;
import com.estateguard.supervision.internal.campaign.PhaseDatesInvalid;
import com.estateguard.supervision.internal.campaign.StreetAlreadyCovered;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The campaigns' named exceptions and what they answer over HTTP. */
@Component
class CampaignErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                PhaseDatesInvalid.class, HttpStatus.UNPROCESSABLE_CONTENT,
                StreetAlreadyCovered.class, HttpStatus.CONFLICT,
                NothingToSample.class, HttpStatus.UNPROCESSABLE_CONTENT,
                NotAnAuthority.class, HttpStatus.FORBIDDEN);
    }
}
