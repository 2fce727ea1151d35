package com.estateguard.identity.internal;

import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Every sign-in at the login form goes to the audit trail: success, failure, refused as locked,
 * with the name and the client address. A known account's row is placed in the account's scope,
 * so the estate's management and the authorities above it read it; a name no account has is kept
 * without a scope (no page shows it, the table keeps it).
 */
@Component
class SignInAudit {

    private final AuditTrail trail;
    private final UserRepository users;

    SignInAudit(AuditTrail trail, UserRepository users) {
        this.trail = trail;
        this.users = users;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AppUserDetails details) {
            record(AuditAction.SIGN_IN, event.getAuthentication(), Optional.of(details.account()));
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        AuditAction action = event instanceof AuthenticationFailureLockedEvent ? AuditAction.SIGN_IN_LOCKED : AuditAction.SIGN_IN_FAILED;
        record(action, event.getAuthentication(), users.byUsername(event.getAuthentication().getName()));
    }

    private void record(AuditAction action, Authentication authentication, Optional<UserAccount> account) {
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        trail.record(new AuditEntry(action, account.map(UserAccount::id).orElse(null), authentication.getName(),
                account.map(UserAccount::estateId).orElse(null), account.map(UserAccount::scopePath).orElse(null),
                null, null, null, null, ip));
    }
}
