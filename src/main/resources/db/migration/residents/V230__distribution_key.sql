-- Ready for Citus (docs/SCALE.md): returnees (many in an outbreak, each with a health entry a day of observation) carry
-- estate_id in their keys. A daily entry had none: it takes its return's estate, filled from it, and Returnees writes
-- it from the return it has read. One entry a day per return, within its estate.
alter table res_return_health drop constraint res_return_health_return_id_fkey;
alter table res_return drop constraint res_return_pkey;
alter table res_return add constraint res_return_pkey primary key (id, estate_id);

alter table res_return_health add column estate_id bigint;
update res_return_health h set estate_id = r.estate_id from res_return r where r.id = h.return_id;
alter table res_return_health alter column estate_id set not null;
alter table res_return_health drop constraint res_return_health_pkey;
alter table res_return_health add constraint res_return_health_pkey primary key (id, estate_id);
alter table res_return_health drop constraint res_return_health_return_id_day_key;
alter table res_return_health add constraint res_return_health_return_id_day_key unique (return_id, day, estate_id);
alter table res_return_health add constraint res_return_health_return_id_fkey
    foreign key (return_id, estate_id) references res_return (id, estate_id);
