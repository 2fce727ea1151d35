package com.estateguard.identity.internal;

import com.estateguard.common.Role;
import com.estateguard.identity.StaffDirectory;
import com.estateguard.identity.UserId;
import com.estateguard.org.EstateId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcStaffDirectory implements StaffDirectory {

    private static final String SELECT = "SELECT id, username, display_name, role, estate_id FROM iam_user";
    private static final List<String> ESTATE_STAFF_ROLES = List.of(Role.GUARD.name(), Role.PREVENTION_ADMIN.name(),
            Role.PROJECT_MANAGER.name(), Role.CLEANER.name());

    private static final List<String> AUTHORITY_ROLES = List.of(Role.CITY_AUTHORITY.name(), Role.DISTRICT_AUTHORITY.name(),
            Role.STREET_AUTHORITY.name());

    private final JdbcClient jdbc;

    JdbcStaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StaffMember> staffOf(EstateId estate) {
        return jdbc.sql(SELECT + " WHERE estate_id = :e AND enabled AND role IN (:roles) ORDER BY role, display_name")
                .param("e", estate.value()).param("roles", ESTATE_STAFF_ROLES).query(StaffMember.class).list();
    }

    @Override
    public Map<EstateId, Integer> staffCounts(Collection<EstateId> estates) {
        Map<EstateId, Integer> out = new HashMap<>();
        if (estates.isEmpty()) {
            return out;
        }
        Long[] ids = estates.stream().map(EstateId::value).toArray(Long[]::new);
        jdbc.sql("""
                        SELECT estate_id, count(*) AS n FROM iam_user
                         WHERE estate_id = ANY(:ids) AND enabled AND role IN (:roles) GROUP BY estate_id""")
                .param("ids", ids).param("roles", ESTATE_STAFF_ROLES)
                .query((rs, i) -> out.put(new EstateId(rs.getLong("estate_id")), rs.getInt("n"))).list();
        return out;
    }

    @Override
    public boolean mayServeAt(UserId user, EstateId estate) {
        return jdbc.sql("SELECT count(*) FROM iam_user WHERE id = :u AND enabled AND (estate_id = :e OR estate_id IS NULL)")
                .param("u", user.value()).param("e", estate.value()).query(Long.class).single() > 0;
    }

    @Override
    public Optional<StaffMember> byId(UserId user) {
        return jdbc.sql(SELECT + " WHERE id = :u").param("u", user.value()).query(StaffMember.class).optional();
    }

    @Override
    public List<Authority> authoritiesWithin(String scope) {
        return jdbc.sql("""
                        SELECT id, username, display_name, role, scope_path FROM iam_user
                         WHERE enabled AND role IN (:roles) AND scope_path LIKE :scope || '%'
                         ORDER BY scope_path, display_name""")
                .param("roles", AUTHORITY_ROLES).param("scope", scope).query(Authority.class).list();
    }

    @Override
    public Optional<StaffMember> byUsername(String username) {
        return jdbc.sql(SELECT + " WHERE username = :u").param("u", username).query(StaffMember.class).optional();
    }
}
