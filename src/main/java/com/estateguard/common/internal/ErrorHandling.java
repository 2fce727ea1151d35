package com.estateguard.common.internal;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.common.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Named exceptions mapped once: problem+json for /api, a Chinese (or English) error page
 * otherwise. The status of a domain exception comes from its module's {@link ErrorStatuses}.
 * Raw exception messages and stack traces never reach a client.
 */
@RestControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
    private final MessageSource messages;
    private final Map<Class<?>, HttpStatus> statuses = new HashMap<>();

    ErrorHandling(MessageSource messages, List<ErrorStatuses> modules) {
        this.messages = messages;
        modules.forEach(m -> m.statuses().forEach((type, status) -> {
            if (statuses.putIfAbsent(type, status) != null) {
                throw new IllegalStateException(type.getName() + " is mapped to a status by two modules");
            }
        }));
    }

    @ExceptionHandler(DomainException.class)
    Object domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(e);
        if (status == null) {
            log.error("No module maps {} to a status", e.getClass().getName());
            return respond(request, response, 500, text("error.unexpected"), Map.of());
        }
        return respond(request, response, status.value(), text(e.messageKey(), e.args()), Map.of());
    }

    /** A save that lost an optimistic-lock race and was not turned into a named conflict by its module. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    Object lostRace(OptimisticLockingFailureException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 409, text("error.concurrentChange"), Map.of());
    }

    /**
     * The database cannot be reached (down, restarting, or every connection busy past the pool's wait).
     * The transaction never began or was rolled back, so nothing was saved: the client may try again.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class})
    Object databaseUnavailable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailableFilter.RETRY_AFTER.toSeconds()));
        return respond(request, response, 503, text("error.unavailable"), Map.of());
    }

    /** The status mapped for the exception's class or its nearest mapped superclass; null if none. */
    HttpStatus statusOf(DomainException e) {
        for (Class<?> type = e.getClass(); type != DomainException.class; type = type.getSuperclass()) {
            HttpStatus status = statuses.get(type);
            if (status != null) {
                return status;
            }
        }
        return null;
    }

    @ExceptionHandler(BindException.class)
    Object invalid(BindException e, HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : e.getFieldErrors()) {
            fields.putIfAbsent(error.getField(), messages.getMessage(error, locale()));
        }
        e.getGlobalErrors().forEach(g -> fields.putIfAbsent(g.getObjectName(), messages.getMessage(g, locale())));
        return respond(request, response, 400, text("error.validation") + " " + fields, fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidParameters(HandlerMethodValidationException e, HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                fields.putIfAbsent(r.getMethodParameter().getParameterName(), messages.getMessage(err, locale()))));
        return respond(request, response, 400, text("error.validation") + " " + fields, fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    Object constraint(ConstraintViolationException e, HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> fields.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return respond(request, response, 400, text("error.validation") + " " + fields, fields);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.getCause() instanceof PayloadTooLargeException || e.getMostSpecificCause() instanceof PayloadTooLargeException) {
            return respond(request, response, 413, text("error.tooLarge"), Map.of());
        }
        log.debug("Unreadable request body on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getMessage());
        return respond(request, response, 400, text("error.unreadable"), Map.of());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    Object tooLarge(PayloadTooLargeException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 413, text("error.tooLarge"), Map.of());
    }

    /** A multipart request above spring.servlet.multipart's limit, refused before any upload check could read it. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 413, text("upload.error.requestTooLarge"), Map.of());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    Object badParameter(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 400, text("error.badParameter"), Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 415, text("error.mediaType"), Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 405, text("error.method"), Map.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 404, text("error.notFound", "", ""), Map.of());
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    Object denied(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 403, text("error.notPermitted"), Map.of());
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, response, 500, text("error.unexpected"), Map.of());
    }

    private Object respond(HttpServletRequest request, HttpServletResponse response, int status, String message,
                           Map<String, String> fields) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), message);
            if (!fields.isEmpty()) {
                problem.setProperty("errors", fields);
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(status);
        ModelAndView view = new ModelAndView(request.getHeader("HX-Request") != null ? "error :: message" : "error");
        view.addObject("status", status);
        view.addObject("message", message);
        view.setStatus(HttpStatus.valueOf(status));
        return view;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
