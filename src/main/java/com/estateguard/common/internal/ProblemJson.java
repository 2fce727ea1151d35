package com.estateguard.common.internal;

import com.estateguard.common.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of an API error (docs/API.md): RFC 9457 problem+json with a stable machine
 * {@code code} and, for field errors, {@code errors}: [{field, code, message}].
 */
@Component
class ProblemJson implements ApiProblems {

    /** One field that was refused: its JSON path, a stable code, and the reason in the client's language. */
    record FieldProblem(String field, String code, String message) {
    }

    /** The code, not the type, names the problem: a type URI would have to resolve to documentation. */
    private static final URI ABOUT_BLANK = URI.create("about:blank");
    private final MessageSource messages;
    private final JsonMapper json;

    ProblemJson(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    ProblemDetail problem(HttpServletRequest request, int status, String code, String detail, List<FieldProblem> errors) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = known != null ? ProblemDetail.forStatusAndDetail(known, detail) : ProblemDetail.forStatus(status);
        problem.setType(ABOUT_BLANK);
        problem.setDetail(detail);
        problem.setInstance(instance(request));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String messageKey,
                      Object... args) throws IOException {
        String detail = messages.getMessage(messageKey, args, messageKey, ApiLocale.of(request));
        ProblemDetail problem = problem(request, status, code, detail, List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ABOUT_BLANK.toString());
        body.put("title", problem.getTitle());
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", problem.getInstance() == null ? null : problem.getInstance().toString());
        body.put("code", code);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
