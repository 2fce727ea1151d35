package com.estateguard.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The security filters answer the API in application/problem+json, as the controllers do. */
final class ProblemResponse {

    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}";

    private ProblemResponse() {
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write(PROBLEM.formatted(title, status, detail));
    }
}
