package com.estateguard.common;

/** Also thrown for rows outside the caller's scope, so a probe learns nothing about them. */
public class NotFoundException extends DomainException {
    public NotFoundException(String what, Object id) {
        super("error.notFound", what, id);
    }
}
