-- Ready for Citus (docs/SCALE.md): a place's key carries estate_id, so the day's tasks (V145) and the terminal
-- disinfection tasks reference their place within its estate (a terminal task's place is one of the incident estate's
-- places; a place named only in the case's account has none).
alter table hyg_task drop constraint hyg_task_place_id_fkey;
alter table hyg_terminal_task drop constraint hyg_terminal_task_place_id_fkey;
alter table hyg_place drop constraint hyg_place_pkey;
alter table hyg_place add constraint hyg_place_pkey primary key (id, estate_id);
alter table hyg_task add constraint hyg_task_place_id_fkey foreign key (place_id, estate_id) references hyg_place (id, estate_id);
alter table hyg_terminal_task add constraint hyg_terminal_task_place_id_fkey
    foreign key (place_id, estate_id) references hyg_place (id, estate_id);
