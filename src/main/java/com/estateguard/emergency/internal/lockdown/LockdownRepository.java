package com.estateguard.emergency.internal.lockdown;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface LockdownRepository extends CrudRepository<Lockdown, Long> {

    @Query("SELECT * FROM emg_lockdown WHERE incident_id = :incidentId AND ended_at IS NULL")
    Optional<Lockdown> inForceFor(long incidentId);

    @Query("SELECT * FROM emg_lockdown WHERE estate_id = :estateId AND ended_at IS NULL AND NOT drill")
    Optional<Lockdown> realInForceAt(long estateId);

    @Query("SELECT * FROM emg_lockdown WHERE incident_id = :incidentId ORDER BY started_at DESC, id DESC")
    List<Lockdown> ofIncident(long incidentId);
}
