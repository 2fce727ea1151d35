package com.estateguard.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every post of the login form spends one try of the client address's allowance, before any
 * password is checked; past it the answer is 429 and the page {@code error/429}. The address is
 * the connection's peer: a proxy's X-Forwarded-For counts only where server.forward-headers-strategy
 * says to trust it.
 */
class LoginAttemptFilter extends OncePerRequestFilter {

    private final AttemptLimit limit;

    LoginAttemptFilter(AttemptLimit limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + "/login").equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AttemptLimit.Verdict verdict = limit.tryAttempt(request.getRemoteAddr());
        if (!verdict.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
