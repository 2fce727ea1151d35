-- Ready for Citus (docs/SCALE.md): the staff NAT register's key carries estate_id (an estate's staff, a row per test).
alter table stf_nat drop constraint stf_nat_pkey;
alter table stf_nat add constraint stf_nat_pkey primary key (id, estate_id);
