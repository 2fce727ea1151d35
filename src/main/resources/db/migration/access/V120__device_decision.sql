-- Issue 11, the offline gate: a check decided on the guard's device while offline carries the
-- device's decision when it is synced. The server decides again and keeps its own decision in
-- access_check; the device's is kept beside it, once per check, and a disagreement opens a
-- follow-up for the shift leader.
create table access_device_decision (
    -- The check (id, estate): the reference to access_check (id, estate_id), deleted with the check by the
    -- retention purge, is added by V143, once the check's key carries its estate (docs/SCALE.md).
    check_id       bigint not null,
    estate_id      bigint not null,
    device_verdict text not null check (device_verdict in ('ALLOW', 'REFUSE', 'REFER')),
    device_reasons text[] not null,
    -- Evidence the device could not verify offline, e.g. HEALTH_CODE (a status only the registers know).
    unverified     text[] not null default '{}',
    decided_at     timestamptz not null,
    synced_at      timestamptz not null,
    synced_by      text not null,
    disagrees      boolean not null,
    primary key (check_id, estate_id)
);
create index access_device_decision_disagrees on access_device_decision (check_id) where disagrees;
create trigger access_device_decision_append_only before update or delete on access_device_decision
    for each row execute function append_only();

alter table access_follow_up drop constraint access_follow_up_kind_check;
alter table access_follow_up add constraint access_follow_up_kind_check
    check (kind in ('REPORT_COMMUNITY', 'OBSERVATION_POINT', 'DEVICE_DISAGREEMENT'));
