-- Ready for Citus (docs/SCALE.md): the leave register's key carries estate_id (an estate's staff, a request per trip).
alter table stf_leave drop constraint stf_leave_pkey;
alter table stf_leave add constraint stf_leave_pkey primary key (id, estate_id);
