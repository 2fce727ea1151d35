package com.estateguard.supervision.internal.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.supervision.InvalidItemValues;
import com.estateguard.supervision.internal.InspectionAlreadyCorrected;
import com.estateguard.supervision.internal.InspectionMismatch;
import com.estateguard.supervision.internal.TemplateEmpty;
import com.estateguard.supervision.internal.TemplateFrozen;
import com.estateguard.supervision.internal.TemplateNotInUse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Supervision's named exceptions and what they answer over HTTP. */
@Component
class SupervisionErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                InvalidItemValues.class, HttpStatus.UNPROCESSABLE_CONTENT,
                TemplateFrozen.class, HttpStatus.CONFLICT,
                TemplateNotInUse.class, HttpStatus.CONFLICT,
                TemplateEmpty.class, HttpStatus.UNPROCESSABLE_CONTENT,
                InspectionAlreadyCorrected.class, HttpStatus.CONFLICT,
                InspectionMismatch.class, HttpStatus.UNPROCESSABLE_CONTENT);
    }
}
