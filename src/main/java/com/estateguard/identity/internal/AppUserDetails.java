package com.estateguard.identity.internal;

import com.estateguard.common.CurrentUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The security principal of a logged-in person; other modules see only {@link CurrentUser}. Once the
 * password is checked, Spring Security erases it here ({@link CredentialsContainer}), so the session,
 * kept in the database (Spring Session JDBC), never holds the password hash.
 */
final class AppUserDetails implements UserDetails, CredentialsContainer, CurrentUser.HasCurrentUser {

    private static final long serialVersionUID = 1L;

    private UserAccount account;
    private final CurrentUser currentUser;
    private final boolean locked;
    private final List<GrantedAuthority> authorities;

    AppUserDetails(UserAccount account, CurrentUser currentUser, boolean locked, List<GrantedAuthority> authorities) {
        this.account = account;
        this.currentUser = currentUser;
        this.locked = locked;
        this.authorities = authorities;
    }

    static AppUserDetails of(UserAccount account, Instant now, RoleAuthorities authorities) {
        return new AppUserDetails(account, account.toCurrentUser(), account.lockedAt(now), authorities.of(account.role()));
    }

    UserAccount account() {
        return account;
    }

    @Override
    public CurrentUser currentUser() {
        return currentUser;
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

    @Override
    public void eraseCredentials() {
        account = account.withoutPassword();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppUserDetails that && that.account.id() == account.id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(account.id());
    }

    @Override
    public String toString() {
        return "AppUserDetails[" + account.username() + "]";
    }
}
