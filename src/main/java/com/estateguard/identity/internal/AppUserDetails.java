package com.estateguard.identity.internal;

import com.estateguard.common.CurrentUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal of a logged-in person; other modules see only {@link CurrentUser}. */
record AppUserDetails(UserAccount account, CurrentUser currentUser, boolean locked)
        implements UserDetails, CurrentUser.HasCurrentUser {

    static AppUserDetails of(UserAccount account, Instant now) {
        return new AppUserDetails(account, account.toCurrentUser(), account.lockedAt(now));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(currentUser);
    }

    static List<GrantedAuthority> authorities(CurrentUser user) {
        return Stream.concat(Stream.of("ROLE_" + user.role().name()),
                        user.role().permissions().stream().map(Enum::name))
                .map(SimpleGrantedAuthority::new).map(GrantedAuthority.class::cast).toList();
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }
}
