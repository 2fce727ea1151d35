package com.estateguard.common;

public class InvalidInputException extends DomainException {
    public InvalidInputException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
