package com.estateguard.common.internal;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.common.PayloadTooLargeException;
import com.estateguard.common.internal.ProblemJson.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
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
 * Every API error carries a stable machine {@code code} and, for field errors, {@code errors}
 * (docs/API.md). Raw exception messages and stack traces never reach a client.
 */
@RestControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
    private final MessageSource messages;
    private final ProblemJson problems;
    private final String retryAfterSeconds;
    private final Map<Class<?>, HttpStatus> statuses = new HashMap<>();

    ErrorHandling(MessageSource messages, ProblemJson problems, List<ErrorStatuses> modules,
                  @Value("${estateguard.api.retry-after-seconds:5}") int retryAfterSeconds) {
        this.messages = messages;
        this.problems = problems;
        this.retryAfterSeconds = Integer.toString(retryAfterSeconds);
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
            return respond(request, response, 500, "INTERNAL_ERROR", text("error.unexpected"));
        }
        return respond(request, response, status.value(), e.code(), text(e.messageKey(), e.args()));
    }

    /** A save that lost an optimistic-lock race and was not turned into a named conflict by its module. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    Object lostRace(OptimisticLockingFailureException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 409, "CONCURRENT_CHANGE", text("error.concurrentChange"));
    }

    /** The database cannot be reached (down, restarting, no free connection): try again shortly, nothing was stored. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class})
    Object unavailable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return respond(request, response, 503, "SERVICE_UNAVAILABLE", text("error.unavailable"));
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
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), fieldCode(error.getCode(), error.isBindingFailure()),
                    messages.getMessage(error, locale())));
        }
        e.getGlobalErrors().forEach(g -> errors.add(new FieldProblem(g.getObjectName(), fieldCode(g.getCode(), false),
                messages.getMessage(g, locale()))));
        return invalid(request, response, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidParameters(HandlerMethodValidationException e, HttpServletRequest request, HttpServletResponse response) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(new FieldProblem(
                r.getMethodParameter().getParameterName(), fieldCode(lastCode(err.getCodes()), false),
                messages.getMessage(err, locale())))));
        return invalid(request, response, errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    Object constraint(ConstraintViolationException e, HttpServletRequest request, HttpServletResponse response) {
        List<FieldProblem> errors = e.getConstraintViolations().stream().map(v -> new FieldProblem(v.getPropertyPath().toString(),
                fieldCode(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), false), v.getMessage()))
                .toList();
        return invalid(request, response, errors);
    }

    private Object invalid(HttpServletRequest request, HttpServletResponse response, List<FieldProblem> errors) {
        String listed = errors.stream().map(f -> f.field() + ": " + f.message()).distinct().collect(Collectors.joining("; "));
        return respond(request, response, 400, "VALIDATION_FAILED", text("error.validation") + " " + listed, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.getCause() instanceof PayloadTooLargeException || e.getMostSpecificCause() instanceof PayloadTooLargeException) {
            return tooLarge(request, response);
        }
        log.debug("Unreadable request body on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getMessage());
        UnreadableJson why = UnreadableJson.of(e);
        if (why.field() != null) {
            String message = text("error.field." + why.fieldCode(), why.expected());
            return invalid(request, response, List.of(new FieldProblem(why.field(), why.fieldCode(), message)));
        }
        return respond(request, response, 400, why.code(), text(why.messageKey()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    Object tooLarge(PayloadTooLargeException e, HttpServletRequest request, HttpServletResponse response) {
        return tooLarge(request, response);
    }

    private Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 413, "PAYLOAD_TOO_LARGE", text("error.tooLarge"));
    }

    /** A multipart request above spring.servlet.multipart's limit, refused before any upload check could read it. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 413, "PAYLOAD_TOO_LARGE", text("upload.error.requestTooLarge"));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    Object badParameter(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 400, "BAD_PARAMETER", text("error.badParameter"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 415, "UNSUPPORTED_MEDIA_TYPE", text("error.mediaType"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 405, "METHOD_NOT_ALLOWED", text("error.method"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 404, "NOT_FOUND", text("error.notFound", "", ""));
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    Object denied(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, 403, "NOT_PERMITTED", text("error.notPermitted"));
    }

    /** Anything else: a request the framework refused keeps its 4xx status; only our own failures are 500. */
    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(refused.getStatusCode().value());
            return respond(request, response, status.value(), status.name(), text("error.refused", status.value()));
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, response, 500, "INTERNAL_ERROR", text("error.unexpected"));
    }

    private Object respond(HttpServletRequest request, HttpServletResponse response, int status, String code, String message) {
        return respond(request, response, status, code, message, List.of());
    }

    private Object respond(HttpServletRequest request, HttpServletResponse response, int status, String code, String message,
                           List<FieldProblem> errors) {
        if (ApiLocale.isApi(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.problem(request, status, code, message, errors));
        }
        response.setStatus(status);
        ModelAndView view = new ModelAndView(request.getHeader("HX-Request") != null ? "error :: message" : "error");
        view.addObject("status", status);
        view.addObject("message", message);
        view.setStatus(HttpStatus.valueOf(status));
        return view;
    }

    /** A constraint's name ({@code NotNull}, {@code Size}) as a field error code ({@code NOT_NULL}, {@code SIZE}). */
    private static String fieldCode(String constraint, boolean bindingFailure) {
        if (bindingFailure || "typeMismatch".equals(constraint)) {
            return "WRONG_TYPE";
        }
        return constraint == null ? "INVALID" : DomainException.codeOf(constraint);
    }

    private static String lastCode(String[] codes) {
        return codes == null || codes.length == 0 ? null : codes[codes.length - 1];
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
