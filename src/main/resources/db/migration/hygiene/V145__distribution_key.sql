-- Ready for Citus (docs/SCALE.md): keys carry estate_id; a record and its task, a correction and the
-- record it corrects, are of one estate.
alter table hyg_record drop constraint hyg_record_task_id_fkey;
alter table hyg_record drop constraint hyg_record_corrects_id_fkey;
alter table hyg_task drop constraint hyg_task_pkey;
alter table hyg_task add constraint hyg_task_pkey primary key (id, estate_id);
alter table hyg_task drop constraint hyg_task_place_id_task_date_slot_key;
alter table hyg_task add constraint hyg_task_place_id_task_date_slot_key unique (place_id, task_date, slot, estate_id);
alter table hyg_record drop constraint hyg_record_pkey;
alter table hyg_record add constraint hyg_record_pkey primary key (id, estate_id);
alter table hyg_record add constraint hyg_record_task_id_fkey foreign key (task_id, estate_id) references hyg_task (id, estate_id);
alter table hyg_record add constraint hyg_record_corrects_id_fkey
    foreign key (corrects_id, estate_id) references hyg_record (id, estate_id);
