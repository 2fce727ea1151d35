package com.estateguard.common.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.LocaleContextResolver;

/** Pages: the page resolver (cookie, ?lang=). The API: Accept-Language, never changed by a parameter. */
final class ApiAwareLocaleResolver implements LocaleContextResolver {

    private final LocaleContextResolver pages;

    ApiAwareLocaleResolver(LocaleContextResolver pages) {
        this.pages = pages;
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        return ApiLocale.isApi(request) ? new SimpleLocaleContext(ApiLocale.of(request)) : pages.resolveLocaleContext(request);
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
                                 @Nullable LocaleContext localeContext) {
        if (!ApiLocale.isApi(request)) {
            pages.setLocaleContext(request, response, localeContext);
        }
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return ApiLocale.isApi(request) ? ApiLocale.of(request) : pages.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (!ApiLocale.isApi(request)) {
            pages.setLocale(request, response, locale);
        }
    }
}
