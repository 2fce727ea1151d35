-- Ready for Citus (docs/SCALE.md): an estate's notices, publicity, room states and screening findings carry estate_id in
-- their keys. Each is written by its own estate and read with it; none is referenced.
alter table ntc_case_notice drop constraint ntc_case_notice_pkey;
alter table ntc_case_notice add constraint ntc_case_notice_pkey primary key (id, estate_id);
alter table ntc_publicity drop constraint ntc_publicity_pkey;
alter table ntc_publicity add constraint ntc_publicity_pkey primary key (id, estate_id);
alter table ntc_room_state drop constraint ntc_room_state_pkey;
alter table ntc_room_state add constraint ntc_room_state_pkey primary key (id, estate_id);
alter table ntc_screening drop constraint ntc_screening_pkey;
alter table ntc_screening add constraint ntc_screening_pkey primary key (id, estate_id);
