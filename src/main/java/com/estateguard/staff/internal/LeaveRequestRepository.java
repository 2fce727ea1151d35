package com.estateguard.staff.internal;

import org.springframework.data.repository.CrudRepository;

/** Loads and saves leave requests for their transitions; the register's list is SQL in {@link LeaveRequests}. */
interface LeaveRequestRepository extends CrudRepository<LeaveRequest, Long> {
}
