package com.estateguard.common;

import java.io.Serializable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: a person logged in or a device with an API key. {@code scopePath} is the
 * organisation path every query is filtered by (see {@code org.EstateScope}).
 */
public record CurrentUser(long id, String username, String displayName, Role role, String scopePath,
                          Long estateId, Long entranceId) implements Serializable {

    public boolean can(Permission permission) {
        return permission.grantedTo(role);
    }

    /** Name written into created_by / updated_by columns. */
    public String actor() {
        return role == Role.DEVICE ? "device:" + username : username;
    }

    public static CurrentUser require() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof HasCurrentUser holder) {
            return holder.currentUser();
        }
        throw new NotPermittedException();
    }

    /** Implemented by the security principals so other modules need not know them. */
    public interface HasCurrentUser {
        CurrentUser currentUser();
    }
}
