-- Ready for distributed PostgreSQL (Citus, docs/SCALE.md): a large table's primary key and unique
-- constraints carry its distribution key, estate_id. The id stays first, so a look-up by id uses the
-- same index as before; the check's client id is unique per estate (a terminal belongs to one estate).
-- References to a check carry its estate too (a follow-up and a correction are of the check's estate).
alter table access_follow_up drop constraint access_follow_up_check_id_fkey;
alter table access_check drop constraint access_check_corrects_check_id_fkey;
alter table access_check drop constraint access_check_pkey;
alter table access_check add constraint access_check_pkey primary key (id, estate_id);
alter table access_check drop constraint access_check_client_id_key;
alter table access_check add constraint access_check_client_id_key unique (client_id, estate_id);
alter table access_check add constraint access_check_corrects_check_id_fkey
    foreign key (corrects_check_id, estate_id) references access_check (id, estate_id);
alter table access_follow_up add constraint access_follow_up_check_id_fkey
    foreign key (check_id, estate_id) references access_check (id, estate_id);
-- The offline gate's device decisions (V120) go with their check when the retention purge deletes it.
alter table access_device_decision add constraint access_device_decision_check_fkey
    foreign key (check_id, estate_id) references access_check (id, estate_id) on delete cascade;
alter table access_follow_up drop constraint access_follow_up_pkey;
alter table access_follow_up add constraint access_follow_up_pkey primary key (id, estate_id);
