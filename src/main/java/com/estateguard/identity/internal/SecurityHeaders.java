package com.estateguard.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every answer carries (issue 8, build item 6): a Content-Security-Policy that runs
 * only scripts served by the application itself, never inline ones (every page's script is a file
 * under static/js or a WebJar, handlers bound with addEventListener); no framing; no plugins; the
 * referrer cut to the origin across sites; nosniff.
 */
final class SecurityHeaders {

    /**
     * {@code style-src 'unsafe-inline'}: the templates set small layout tweaks in style attributes
     * and Swagger UI styles itself inline. A style cannot run code; what CSP must stop here, injected
     * script, stays blocked by {@code script-src 'self'} with no 'unsafe-inline' and no 'unsafe-eval'.
     * {@code img-src data:}: Swagger UI's icons.
     */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void apply(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentTypeOptions(c -> { })
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new ContentSecurityPolicy()));
    }

    /**
     * Written when the response commits, so its content type is known. A PDF (a pass shown
     * inline) gets none: Chrome shows a PDF through an internal embed that {@code object-src 'none'}
     * would block (crbug.com/271452), and a PDF runs no page script anyway; nosniff and
     * frame-ancestors still apply through their own headers.
     */
    private static final class ContentSecurityPolicy implements HeaderWriter {
        @Override
        public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
            String type = response.getContentType();
            if (type != null && type.startsWith("application/pdf")) {
                return;
            }
            if (!response.containsHeader("Content-Security-Policy")) {
                response.setHeader("Content-Security-Policy", POLICY);
            }
        }
    }
}
