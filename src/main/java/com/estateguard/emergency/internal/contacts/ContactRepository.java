package com.estateguard.emergency.internal.contacts;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ContactRepository extends ListCrudRepository<Contact, Long> {

    @Query("SELECT * FROM emg_contact WHERE incident_id = :incidentId ORDER BY id")
    List<Contact> findByIncident(long incidentId);
}
