package com.estateguard.identity.internal;


import com.estateguard.common.ApiProblems;
import com.estateguard.common.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by the {@code X-Api-Key} header of a smart terminal. A wrong key spends
 * one try of the client address's allowance; once it is spent, no key from that address is looked
 * at until the window passes (429), so keys cannot be guessed at speed. A right key spends nothing.
 */
class DeviceKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    private final DeviceKeyStore keys;
    private final RoleAuthorities authorities;
    private final AttemptLimit wrongKeys;
    private final ApiProblems problems;
    /**
     * The signed-in device's Authentication, kept with the CurrentUser the key store caches (5 s; a revocation drops
     * it there, and a revoked key gets no CurrentUser), so it is not built again for every request.
     */
    private final java.util.Map<CurrentUser, DeviceAuthentication> signedIn = new java.util.concurrent.ConcurrentHashMap<>();

    DeviceKeyFilter(DeviceKeyStore keys, RoleAuthorities authorities, AttemptLimit wrongKeys, ApiProblems problems) {
        this.keys = keys;
        this.authorities = authorities;
        this.wrongKeys = wrongKeys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null) {
            String address = request.getRemoteAddr();
            AttemptLimit.Verdict verdict = wrongKeys.check(address);
            if (!verdict.allowed()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
                ProblemResponse.rateLimited(problems, request, response);
                return;
            }
            Optional<CurrentUser> device = keys.authenticate(key.trim());
            device.ifPresentOrElse(this::signIn, () -> wrongKeys.spend(address));
        }
        chain.doFilter(request, response);
    }

    private void signIn(CurrentUser device) {
        if (signedIn.size() > 10_000) {
            signedIn.clear();
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn.computeIfAbsent(device, d -> new DeviceAuthentication(d, authorities.of(d.role()))));
        SecurityContextHolder.setContext(context);
    }

    static final class DeviceAuthentication extends AbstractAuthenticationToken {
        private final Principal principal;

        DeviceAuthentication(CurrentUser device, java.util.List<org.springframework.security.core.GrantedAuthority> authorities) {
            super(authorities);
            this.principal = new Principal(device);
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }
    }

    record Principal(CurrentUser currentUser) implements CurrentUser.HasCurrentUser, java.security.Principal {
        @Override
        public String getName() {
            return currentUser.username();
        }
    }
}
