package com.estateguard.common.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages in Chinese first; {@code ?lang=en} switches to English and is remembered in a cookie. The
 * API answers in the language of the request's Accept-Language (Chinese by default).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("eg-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return new ApiAwareLocaleResolver(resolver);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The local time zone in which curfews, "today" and dates on pages are read. It also becomes
     * the JVM default, so every time a page formats is local time (Thymeleaf uses the default).
     */
    @Bean
    ZoneId localZone(@Value("${estateguard.zone:Asia/Shanghai}") String zone) {
        ZoneId id = ZoneId.of(zone);
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(id));
        return id;
    }
}
