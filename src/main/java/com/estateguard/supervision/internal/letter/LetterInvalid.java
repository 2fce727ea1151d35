package com.estateguard.supervision.internal.letter;

import com.estateguard.common.InvalidInputException;

/** A letter that cannot be published as given: no questions, a deadline already past, a scope outside a city. */
public class LetterInvalid extends InvalidInputException {
    public LetterInvalid(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
