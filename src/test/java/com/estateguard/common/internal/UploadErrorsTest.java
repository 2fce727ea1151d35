package com.estateguard.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.common.UploadRefused;
import com.estateguard.common.UploadTooLarge;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import tools.jackson.databind.json.JsonMapper;

/** On the API an upload too large is problem+json 413 and a refused type 415, each with its Chinese message. */
class UploadErrorsTest {

    private final ErrorHandling handling = new ErrorHandling(messages(),
            new ProblemJson(messages(), JsonMapper.builder().build()), List.of(new CommonErrorStatuses()), 5);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void anUploadAboveTheLimitIsProblemJson413NamingTheLimit() {
        ProblemDetail problem = problem(handling.domain(new UploadTooLarge(5), apiRequest(), new MockHttpServletResponse()), 413);
        assertThat(problem.getDetail()).isEqualTo("文件过大：不能超过 5 MB。");
    }

    @Test
    void aMultipartRequestAboveSpringsLimitIsProblemJson413() {
        var answer = handling.uploadTooLarge(new MaxUploadSizeExceededException(20 * 1024 * 1024), apiRequest(),
                new MockHttpServletResponse());
        assertThat(problem(answer, 413).getDetail()).isEqualTo("上传的文件过大，未保存任何内容。");
    }

    @Test
    void anUploadOfARefusedTypeIsProblemJson415() {
        ProblemDetail problem = problem(handling.domain(new UploadRefused("upload.error.photo"), apiRequest(),
                new MockHttpServletResponse()), 415);
        assertThat(problem.getDetail()).contains("SVG、HTML");
    }

    private static ProblemDetail problem(Object answer, int status) {
        assertThat(answer).isInstanceOf(ResponseEntity.class);
        ResponseEntity<?> entity = (ResponseEntity<?>) answer;
        assertThat(entity.getStatusCode().value()).isEqualTo(status);
        assertThat(entity.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return (ProblemDetail) entity.getBody();
    }

    private static MockHttpServletRequest apiRequest() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        return new MockHttpServletRequest("POST", "/api/v1/uploads");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
