package com.estateguard.supervision.internal.rectification;

import org.springframework.data.repository.CrudRepository;

/** Loads and saves orders for their transitions; lists and the order page are SQL in {@link RectificationOrders}. */
interface RectificationOrderRepository extends CrudRepository<RectificationOrder, Long> {
}
