package com.estateguard.identity.internal;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Locks an account for a while after repeated wrong passwords; a success resets the count. */
@Component
class LoginLockout implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;
    private final RoleAuthorities authorities;
    private final int maxAttempts;
    private final Duration lockFor;

    LoginLockout(UserRepository users, Clock clock, RoleAuthorities authorities,
                 @Value("${estateguard.security.max-failed-logins:5}") int maxAttempts,
                 @Value("${estateguard.security.lockout:PT15M}") Duration lockFor) {
        this.users = users;
        this.clock = clock;
        this.authorities = authorities;
        this.maxAttempts = maxAttempts;
        this.lockFor = lockFor;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.byUsername(username).map(a -> AppUserDetails.of(a, clock.instant(), authorities))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        users.recordFailure(event.getAuthentication().getName(), maxAttempts, clock.instant().plus(lockFor));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AppUserDetails details) {
            users.recordSuccess(details.getUsername());
        }
    }
}
