package com.estateguard.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.common.DomainException;
import com.estateguard.common.NotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The machine codes of API errors: derived once, distinct, and the same shape from a filter as from a controller. */
class ErrorCodesTest {

    private final ResourceBundleMessageSource messages = messages();
    private final ProblemJson problems = new ProblemJson(messages, JsonMapper.builder().build());

    @Test
    void aNamedExceptionsCodeIsItsNameInUpperSnakeCase() {
        assertThat(new NotFoundException("entrance", 1).code()).isEqualTo("NOT_FOUND");
        assertThat(DomainException.codeOf("ClientIdTaken")).isEqualTo("CLIENT_ID_TAKEN");
        assertThat(DomainException.codeOf("DecimalMin")).isEqualTo("DECIMAL_MIN");
        assertThat(DomainException.codeOf("NotOnShift")).isEqualTo("NOT_ON_SHIFT");
    }

    @Test
    void everyNamedExceptionHasACodeOfItsOwn() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(DomainException.class));
        Map<String, String> byCode = new HashMap<>();
        for (var candidate : scanner.findCandidateComponents("com.estateguard")) {
            String name = candidate.getBeanClassName();
            String code = DomainException.codeOf(name.substring(name.lastIndexOf('.') + 1).replaceFirst("Exception$", ""));
            assertThat(code).matches("[A-Z][A-Z0-9_]*");
            assertThat(byCode.put(code, name)).as("%s has the code of another exception", name).isNull();
        }
        assertThat(byCode).containsKeys("CLIENT_ID_TAKEN", "NOT_FOUND", "INVALID_INPUT", "NOT_PERMITTED");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsA503WithRetryAfter() {
        var handling = new ErrorHandling(messages, problems, List.of(), 7);
        var request = new MockHttpServletRequest("POST", "/api/v1/checks");
        request.addHeader("Accept-Language", "en");
        var response = new MockHttpServletResponse();

        var answer = (ResponseEntity<?>) handling.unavailable(new CannotGetJdbcConnectionException("connection refused"), request, response);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("7");
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
    }

    @Test
    void aFilterWritesTheSameShapeInTheRequestsLanguage() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/v1/checks");
        request.addHeader("Accept-Language", "en-GB,en;q=0.8");
        var english = new MockHttpServletResponse();
        problems.write(request, english, 413, "PAYLOAD_TOO_LARGE", "error.tooLarge");
        var chinese = new MockHttpServletResponse();
        problems.write(new MockHttpServletRequest("POST", "/api/v1/checks"), chinese, 413, "PAYLOAD_TOO_LARGE", "error.tooLarge");

        assertThat(english.getStatus()).isEqualTo(413);
        assertThat(english.getContentType()).startsWith("application/problem+json");
        var body = JsonMapper.builder().build().readTree(english.getContentAsString());
        assertThat(body.path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(body.path("detail").asString()).isEqualTo("The request body is too large.");
        assertThat(body.path("instance").asString()).isEqualTo("/api/v1/checks");
        assertThat(body.path("type").asString()).isEqualTo("about:blank");
        assertThat(JsonMapper.builder().build().readTree(chinese.getContentAsString()).path("detail").asString()).isEqualTo("请求体过大。");
    }

    private static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
