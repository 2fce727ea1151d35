package com.estateguard.supervision.internal.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.supervision.internal.letter.AnswersIncomplete;
import com.estateguard.supervision.internal.letter.LetterAlreadySigned;
import com.estateguard.supervision.internal.letter.LetterChanged;
import com.estateguard.supervision.internal.letter.LetterInvalid;
import com.estateguard.supervision.internal.letter.NotTheSigner;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The responsibility letter's named exceptions and what they answer over HTTP. */
@Component
class LetterErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                NotTheSigner.class, HttpStatus.FORBIDDEN,
                LetterAlreadySigned.class, HttpStatus.CONFLICT,
                LetterChanged.class, HttpStatus.CONFLICT,
                AnswersIncomplete.class, HttpStatus.UNPROCESSABLE_CONTENT,
                LetterInvalid.class, HttpStatus.UNPROCESSABLE_CONTENT);
    }
}
