-- Ready for Citus (docs/SCALE.md): the seal's keys carry the estate, its distribution key. A row is
-- sealed once still: a row's estate never changes, so (kind, row_id, estate_id) is as strict as (kind, row_id).
alter table evidence_seal drop constraint evidence_seal_pkey;
alter table evidence_seal add constraint evidence_seal_pkey primary key (id, estate_id);
alter table evidence_seal drop constraint evidence_seal_kind_row_id_key;
alter table evidence_seal add constraint evidence_seal_kind_row_id_key unique (kind, row_id, estate_id);
