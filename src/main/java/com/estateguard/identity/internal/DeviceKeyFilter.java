package com.estateguard.identity.internal;


import com.estateguard.common.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls by the {@code X-Api-Key} header of a smart terminal. */
class DeviceKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    private final DeviceKeyStore keys;
    private final RoleAuthorities authorities;

    DeviceKeyFilter(DeviceKeyStore keys, RoleAuthorities authorities) {
        this.keys = keys;
        this.authorities = authorities;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null) {
            keys.authenticate(key.trim()).ifPresent(device -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new DeviceAuthentication(device, authorities.of(device.role())));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
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
