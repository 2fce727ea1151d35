package com.estateguard.identity;

import com.estateguard.common.Role;
import com.estateguard.org.EstateId;
import java.util.List;
import java.util.Optional;

/**
 * Who works where: the one way other modules learn about user accounts, so that none of them
 * reads the account table. Lists hold enabled accounts only.
 */
public interface StaffDirectory {

    /** An account as other modules may see it: no password, no lock-out state. */
    record StaffMember(long id, String username, String displayName, Role role, Long estateId) {

        public UserId userId() {
            return new UserId(id);
        }
    }

    /** Estate staff who may be put on a checkpoint shift or in the staff ledgers (guards, admins, managers, cleaners). */
    List<StaffMember> staffOf(EstateId estate);

    /** How many staff each of these estates has ({@link #staffOf} counted), in one read; an estate with none is absent. */
    default java.util.Map<EstateId, Integer> staffCounts(java.util.Collection<EstateId> estates) {
        java.util.Map<EstateId, Integer> out = new java.util.HashMap<>();
        for (EstateId estate : estates) {
            int n = staffOf(estate).size();
            if (n > 0) {
                out.put(estate, n);
            }
        }
        return out;
    }

    /** True when the account is enabled and belongs to this estate or to no estate (an authority's cadre). */
    boolean mayServeAt(UserId user, EstateId estate);

    Optional<StaffMember> byId(UserId user);

    Optional<StaffMember> byUsername(String username);

    /** An authority's account with its region (the department it belongs to). */
    record Authority(long id, String username, String displayName, Role role, String scopePath) {
    }

    /** Enabled accounts of the housing authorities (city, district, street) whose region lies inside {@code scope}. */
    List<Authority> authoritiesWithin(String scope);
}
