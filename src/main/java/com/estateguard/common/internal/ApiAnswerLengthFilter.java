package com.estateguard.common.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The answer to an API command (a POST: a check, a group, an offline batch; a few hundred bytes to a few kilobytes)
 * goes out in one piece with its length, not chunked. Spring MVC writes a JSON body of unknown length and flushes it,
 * and Tomcat then writes the closing chunk apart: two socket writes, and two wake-ups of the terminal's reader, for
 * every check at the gate. Held here until the request is done, the answer is written once with a Content-Length.
 * Reads (lists, exports) stream as before.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class ApiAnswerLengthFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            held.copyBodyToResponse();
        }
    }
}
