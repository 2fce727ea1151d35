package com.estateguard.identity.internal;

import com.estateguard.common.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** The security filters answer the API in application/problem+json, as the controllers do, with the same codes. */
final class ProblemResponse {

    private ProblemResponse() {
    }

    static AuthenticationEntryPoint unauthenticated(ApiProblems problems) {
        return (request, response, e) -> problems.write(request, response, 401, "UNAUTHENTICATED", "error.unauthenticated");
    }

    static AccessDeniedHandler notPermitted(ApiProblems problems) {
        return (request, response, e) -> problems.write(request, response, 403, "NOT_PERMITTED", "error.notPermitted");
    }

    static void rateLimited(ApiProblems problems, HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, 429, "RATE_LIMITED", "error.rateLimited");
    }
}
