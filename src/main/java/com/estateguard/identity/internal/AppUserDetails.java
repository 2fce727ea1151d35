package com.estateguard.identity.internal;

import com.estateguard.common.CurrentUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal of a logged-in person; other modules see only {@link CurrentUser}. */
record AppUserDetails(UserAccount account, CurrentUser currentUser, boolean locked, List<GrantedAuthority> authorities)
        implements UserDetails, CurrentUser.HasCurrentUser {

    static AppUserDetails of(UserAccount account, Instant now, RoleAuthorities authorities) {
        return new AppUserDetails(account, account.toCurrentUser(), account.lockedAt(now), authorities.of(account.role()));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
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
