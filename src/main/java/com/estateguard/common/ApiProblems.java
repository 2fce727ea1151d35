package com.estateguard.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes an API error as {@code application/problem+json} from outside the controllers (the
 * security and body-limit filters), in the same shape and language as every other API error:
 * {@code type, title, status, detail, instance, code} and, for field errors, {@code errors}.
 * The detail follows the request's Accept-Language (Chinese unless English is asked for).
 */
public interface ApiProblems {

    /** Writes the problem; {@code messageKey} is looked up in messages*.properties with {@code args}. */
    void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String messageKey,
               Object... args) throws IOException;
}
