package com.estateguard.access.internal.renovation;

import java.util.Optional;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

/** Sites for arrivals; the site row is locked for the rest of the transaction. */
interface RenovationSites extends Repository<RenovationSite, Long> {

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<RenovationSite> findLockedById(long id);
}
