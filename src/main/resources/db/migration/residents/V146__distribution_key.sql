-- Ready for Citus (docs/SCALE.md): the visitor and parcel records' keys carry estate_id.
alter table res_visit drop constraint res_visit_pkey;
alter table res_visit add constraint res_visit_pkey primary key (id, estate_id);
alter table res_parcel drop constraint res_parcel_pkey;
alter table res_parcel add constraint res_parcel_pkey primary key (id, estate_id);
