package com.estateguard.identity.internal;


import com.estateguard.common.ApiProblems;
import com.estateguard.common.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private static final String[] API_DOCS = {"/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**"};
    /** Anyone who signs in to work here: every role but residents (and devices, which never sign in). */
    private static final AuthorizationManager<RequestAuthorizationContext> STAFF = AuthorityAuthorizationManager.hasAnyRole(
            Arrays.stream(Role.values()).filter(r -> r != Role.RESIDENT && r != Role.DEVICE).map(Role::name).toArray(String[]::new));

    private final Clock clock;
    private final JdbcClient jdbc;
    private final int attemptsPerMinute;
    private final Duration checkCache;

    SecurityConfiguration(Clock clock, JdbcClient jdbc,
                          @Value("${estateguard.security.login-rate.per-minute:10}") int attemptsPerMinute,
                          @Value("${estateguard.security.login-rate.check-cache:PT1S}") Duration checkCache) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.attemptsPerMinute = attemptsPerMinute;
        this.checkCache = checkCache;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Smart terminals and integrations: stateless, an API key per device, problem+json errors. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, DeviceKeyStore keys, RoleAuthorities authorities, ApiProblems problems)
            throws Exception {
        AttemptLimit wrongKeys = new AttemptLimit(jdbc, "api-key", attemptsPerMinute, clock, checkCache);
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless: nothing to save for after a login, no anonymous token (no key answers 401 all the
                // same, through the entry point below) and no logout: three filters less on every terminal call.
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new DeviceKeyFilter(keys, authorities, wrongKeys, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemResponse.unauthenticated(problems))
                        .accessDeniedHandler(ProblemResponse.notPermitted(problems)));
        SecurityHeaders.apply(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, @Value("${estateguard.api-docs.public:false}") boolean apiDocsPublic)
            throws Exception {
        AttemptLimit logins = new AttemptLimit(jdbc, "login", attemptsPerMinute, clock, checkCache);
        http.authorizeHttpRequests(a -> a
                        // The offline gate's service worker and web-app manifest (issue 11): static, no data in them.
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                                "/sw.js", "/manifest.webmanifest").permitAll()
                        .requestMatchers(API_DOCS).access(apiDocsPublic ? (auth, ctx) -> new AuthorizationDecision(true) : STAFF)
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
