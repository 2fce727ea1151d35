package com.estateguard.common.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of an API answer: what the client's Accept-Language asks for among the languages
 * the messages exist in (Chinese, English), Chinese when it asks for none of them. Pages keep
 * their own choice (?lang= and a cookie); a terminal has no cookie to keep.
 */
final class ApiLocale {

    private static final AcceptHeaderLocaleResolver ACCEPT_HEADER = new AcceptHeaderLocaleResolver();

    static {
        ACCEPT_HEADER.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        ACCEPT_HEADER.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    }

    private ApiLocale() {
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    static Locale of(HttpServletRequest request) {
        try {
            return ACCEPT_HEADER.resolveLocale(request);
        } catch (RuntimeException malformedHeader) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }
}
