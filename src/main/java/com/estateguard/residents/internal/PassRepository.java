package com.estateguard.residents.internal;

import org.springframework.data.repository.CrudRepository;

/** Loads and saves passes for revocation; issue, lists and the gate's verification are SQL in {@link Passes}. */
interface PassRepository extends CrudRepository<Pass, Long> {
}
