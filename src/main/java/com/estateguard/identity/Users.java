package com.estateguard.identity;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.KeysetPage;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.Role;
import com.estateguard.identity.internal.UserAccount;
import com.estateguard.identity.internal.UserRepository;
import com.estateguard.org.CompanyId;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who log in. A user's scope comes from their role's anchor (a region, a company or an
 * estate) and must lie inside the scope of whoever creates them.
 */
@Service
public class Users {

    private final UserRepository repository;
    private final OrgDirectory org;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Users(UserRepository repository, OrgDirectory org, PasswordEncoder encoder, Clock clock) {
        this.repository = repository;
        this.org = org;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Input of the "new user" form; exactly the anchor the role needs must be given. */
    public record NewUser(
            @NotBlank @Size(min = 3, max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "{username.format}") String username,
            @NotBlank @Size(min = 8, max = 100) String password,
            @NotBlank @Size(max = 40) String displayName,
            @NotNull Role role,
            Long regionId, Long companyId, Long estateId,
            @Size(max = 20) String phone) {
    }

    public record UserView(long id, String username, String displayName, Role role, String scopePath, Long estateId,
                           String phone, boolean enabled, boolean locked, java.time.Instant createdAt, String createdBy) {
    }

    @Transactional
    public long create(NewUser form, CurrentUser by) {
        if (!by.can(IdentityPermission.USER_ADMIN) || form.role() == Role.DEVICE) {
            throw new NotPermittedException();
        }
        String scope = scopeFor(form);
        if (!within(scope, form, by)) {
            throw new NotPermittedException();
        }
        return insert(form, encoder.encode(form.password()), scope, by.actor());
    }

    /** For seeding: no creator, and a hash computed once may be shared by many demo accounts. */
    @Transactional
    public long createSeeded(NewUser form, String passwordHash, String actor) {
        return insert(form, passwordHash, scopeFor(form), actor);
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** One page of the accounts in the user's scope by keyset ({@code after}/{@code before}: a row's cursor), the count capped. */
    public KeysetPage<UserView> search(CurrentUser by, String q, Role role, String after, String before, int size) {
        var result = repository.search(by.scopePath(), q, role, after, before, size);
        return new KeysetPage<>(result.rows().stream().map(this::view).toList(), result.previous(), result.next(), result.counted(),
                result.more());
    }

    @Transactional
    public void unlock(long id, CurrentUser by) {
        requireManaged(id, by);
        repository.unlock(id, by.actor());
    }

    @Transactional
    public void setEnabled(long id, boolean enabled, CurrentUser by) {
        requireManaged(id, by);
        if (id == by.id()) {
            throw new InvalidInputException("error.user.self");
        }
        repository.setEnabled(id, enabled, by.actor());
    }

    public long count() {
        return repository.count();
    }

    private void requireManaged(long id, CurrentUser by) {
        if (!by.can(IdentityPermission.USER_ADMIN)) {
            throw new NotPermittedException();
        }
        repository.byId(id, by.scopePath()).orElseThrow(() -> new NotFoundException("user", id));
    }

    private long insert(NewUser form, String hash, String scope, String actor) {
        if (repository.exists(form.username())) {
            throw new InvalidInputException("error.user.exists", form.username());
        }
        Long estateId = form.role().level() == Role.Level.ESTATE ? form.estateId() : null;
        return repository.insert(form.username(), hash, form.displayName(), form.role(), scope, estateId, form.phone(), actor);
    }

    private String scopeFor(NewUser form) {
        String wide = "R/";
        return switch (form.role().level()) {
            case REGION -> org.region(new RegionId(require(form.regionId(), "regionId"))).map(r -> r.path())
                    .orElseThrow(() -> new NotFoundException("region", form.regionId()));
            case COMPANY -> org.company(new CompanyId(require(form.companyId(), "companyId"))).map(c -> c.path())
                    .orElseThrow(() -> new NotFoundException("company", form.companyId()));
            case ESTATE -> org.estate(new EstateId(require(form.estateId(), "estateId")), wide).map(e -> e.regionPath())
                    .orElseThrow(() -> new NotFoundException("estate", form.estateId()));
        };
    }

    /** A region or company scope must start with the creator's; an estate must be visible to them. */
    private boolean within(String scope, NewUser form, CurrentUser by) {
        if (form.role().level() == Role.Level.ESTATE) {
            return org.estate(new EstateId(form.estateId()), by.scopePath()).isPresent();
        }
        return scope.startsWith(by.scopePath());
    }

    private static long require(Long id, String field) {
        if (id == null) {
            throw new InvalidInputException("error.user.anchor", field);
        }
        return id;
    }

    private UserView view(UserAccount a) {
        return new UserView(a.id(), a.username(), a.displayName(), a.role(), a.scopePath(), a.estateId(), a.phone(),
                a.enabled(), a.lockedAt(clock.instant()), a.createdAt(), a.createdBy());
    }
}
