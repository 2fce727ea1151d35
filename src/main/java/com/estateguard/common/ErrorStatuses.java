package com.estateguard.common;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A module's named exceptions and the HTTP status each answers with: the one place where a module
 * names statuses (its {@code internal/web} package). The common error handling consults every
 * module's; a class not listed falls back to its nearest listed superclass.
 */
public interface ErrorStatuses {

    Map<Class<? extends DomainException>, HttpStatus> statuses();
}
