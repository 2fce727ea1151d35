package com.estateguard.identity.internal;


import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private final Clock clock;
    private final int attemptsPerMinute;
    private final int maxAddresses;

    SecurityConfiguration(Clock clock,
                          @Value("${estateguard.security.login-rate.per-minute:10}") int attemptsPerMinute,
                          @Value("${estateguard.security.login-rate.max-addresses:50000}") int maxAddresses) {
        this.clock = clock;
        this.attemptsPerMinute = attemptsPerMinute;
        this.maxAddresses = maxAddresses;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Smart terminals and integrations: stateless, an API key per device, problem+json errors. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, DeviceKeyStore keys, RoleAuthorities authorities) throws Exception {
        AttemptLimit wrongKeys = new AttemptLimit(attemptsPerMinute, maxAddresses, clock);
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new DeviceKeyFilter(keys, authorities, wrongKeys), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemResponse.write(res, 401, "Unauthorized",
                                "缺少或无效的 API 密钥 / missing or invalid API key (X-Api-Key)"))
                        .accessDeniedHandler((req, res, ex) -> ProblemResponse.write(res, 403, "Forbidden",
                                "无权执行此操作 / not permitted")));
        SecurityHeaders.apply(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        AttemptLimit logins = new AttemptLimit(attemptsPerMinute, maxAddresses, clock);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new LoginAttemptFilter(logins), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(oneAnswerForEveryFailure()))
                .logout(l -> l.logoutSuccessUrl("/login?logout"));
        SecurityHeaders.apply(http);
        return http.build();
    }

    /**
     * An unknown name, a wrong password, a locked and a disabled account all get the same redirect,
     * and nothing about which is kept for the page, so the answer cannot tell which accounts exist.
     * The time is alike too: Spring Security hashes the password for an unknown name, and checks it
     * for a locked or disabled account before refusing it.
     */
    private static AuthenticationFailureHandler oneAnswerForEveryFailure() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
