package com.estateguard.common.internal;

import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.UploadRefused;
import com.estateguard.common.UploadTooLarge;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The shared kernel's own exceptions; modules' exceptions extending them answer the same unless they map their own. */
@Component
class CommonErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                NotFoundException.class, HttpStatus.NOT_FOUND,
                InvalidInputException.class, HttpStatus.BAD_REQUEST,
                NotPermittedException.class, HttpStatus.FORBIDDEN,
                ConcurrentChange.class, HttpStatus.CONFLICT,
                UploadRefused.class, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                UploadTooLarge.class, HttpStatus.CONTENT_TOO_LARGE,
                com.estateguard.common.SearchTooBroad.class, HttpStatus.UNPROCESSABLE_CONTENT);
    }
}
