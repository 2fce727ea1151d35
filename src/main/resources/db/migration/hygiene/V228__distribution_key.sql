-- Ready for Citus (docs/SCALE.md): the special-waste ledger and the terminal disinfection tasks carry estate_id in their
-- keys. Waste is collected and handed over daily in every estate; a movement is of its container's estate, and the
-- container (a few an estate, like a hygiene place) goes where its movements go. A terminal task is unique per closed
-- place within the incident's estate (the event's estate: PlaceClosed carries it), and its records are of its estate.
-- Neither movement nor terminal record is sealed by the evidence chain, and no column is added.
alter table hyg_waste_movement drop constraint hyg_waste_movement_container_id_fkey;
alter table hyg_waste_container drop constraint hyg_waste_container_pkey;
alter table hyg_waste_container add constraint hyg_waste_container_pkey primary key (id, estate_id);
alter table hyg_waste_movement drop constraint hyg_waste_movement_pkey;
alter table hyg_waste_movement add constraint hyg_waste_movement_pkey primary key (id, estate_id);
alter table hyg_waste_movement add constraint hyg_waste_movement_container_id_fkey
    foreign key (container_id, estate_id) references hyg_waste_container (id, estate_id);

alter table hyg_terminal_record drop constraint hyg_terminal_record_task_id_fkey;
alter table hyg_terminal_task drop constraint hyg_terminal_task_pkey;
alter table hyg_terminal_task add constraint hyg_terminal_task_pkey primary key (id, estate_id);
alter table hyg_terminal_task drop constraint hyg_terminal_task_closed_place_id_key;
alter table hyg_terminal_task add constraint hyg_terminal_task_closed_place_id_key unique (closed_place_id, estate_id);
alter table hyg_terminal_record drop constraint hyg_terminal_record_pkey;
alter table hyg_terminal_record add constraint hyg_terminal_record_pkey primary key (id, estate_id);
alter table hyg_terminal_record add constraint hyg_terminal_record_task_id_fkey
    foreign key (task_id, estate_id) references hyg_terminal_task (id, estate_id);
