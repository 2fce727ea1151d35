package com.estateguard.common.internal;

import com.estateguard.common.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Outermost: a database that cannot be reached while a filter (the terminal's key, the session) or a
 * controller works is answered 503 with Retry-After, problem+json under /api, instead of a 500. The
 * transaction never began or was rolled back, so nothing was saved; the connection pool reconnects by
 * itself once the database is back. Controllers' own failures are answered the same way by
 * {@link ErrorHandling}; this catches what escapes the filters before them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    private final MessageSource messages;
    private final ApiProblems problems;
    /** When a client told 503 should try again; the same setting as {@link ErrorHandling}'s 503. */
    private final String retryAfterSeconds;

    DatabaseUnavailableFilter(MessageSource messages, ApiProblems problems,
                              @Value("${estateguard.api.retry-after-seconds:5}") int retryAfterSeconds) {
        this.messages = messages;
        this.problems = problems;
        this.retryAfterSeconds = Integer.toString(retryAfterSeconds);
    }

    /** Whether the failure, or anything that caused it, says the database could not be reached. */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!databaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(request, response, 503, "SERVICE_UNAVAILABLE", "error.unavailable");
            } else {
                String text = messages.getMessage("error.unavailable", null, "Service unavailable", LocaleContextHolder.getLocale());
                response.setStatus(503);
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!doctype html><meta charset=\"utf-8\"><title>503</title><p>"
                        + HtmlUtils.htmlEscape(text) + "</p>");
            }
        }
    }
}
