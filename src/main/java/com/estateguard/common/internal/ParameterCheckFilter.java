package com.estateguard.common.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parameters Tomcat cannot parse (a name left empty as in {@code ?=x}, a broken escape) are
 * refused up front with a 400 (problem+json BAD_PARAMETER on the API), instead of failing
 * wherever the first component happens to read a parameter (a 500, or Tomcat's own HTML page).
 * Runs after the character-encoding filter, before security. Multipart bodies are left to the
 * upload handling.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ParameterCheckFilter extends OncePerRequestFilter {

    private final ProblemJson problems;

    ParameterCheckFilter(ProblemJson problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException unparseable) {
                refuse(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ApiLocale.isApi(request)) {
            problems.write(request, response, 400, "BAD_PARAMETER", "error.badParameter");
        } else {
            response.sendError(400);
        }
    }
}
