-- Ready for Citus (docs/SCALE.md): the supplies ledger's keys carry estate_id. A movement is of its item's estate, and
-- a correction of its movement's; the item (a few dozen an estate) is co-located with its movements, not copied to
-- every node. No column is added to sup_movement: it is evidence, and its seal hashes the row's columns.
alter table sup_movement drop constraint sup_movement_item_id_fkey;
alter table sup_movement drop constraint sup_movement_corrects_id_fkey;
alter table sup_item drop constraint sup_item_pkey;
alter table sup_item add constraint sup_item_pkey primary key (id, estate_id);
alter table sup_movement drop constraint sup_movement_pkey;
alter table sup_movement add constraint sup_movement_pkey primary key (id, estate_id);
alter table sup_movement add constraint sup_movement_item_id_fkey foreign key (item_id, estate_id) references sup_item (id, estate_id);
alter table sup_movement add constraint sup_movement_corrects_id_fkey
    foreign key (corrects_id, estate_id) references sup_movement (id, estate_id);
