package com.estateguard.common;

public class NotPermittedException extends DomainException {
    public NotPermittedException() {
        super("error.notPermitted");
    }
}
