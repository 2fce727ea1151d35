-- Ready for Citus (docs/SCALE.md): the register's keys carry estate_id, its distribution key. A household, a person
-- and a pass are an estate's rows; so are a person's care records (special group, contact log, home isolation and its
-- daily checks), which now carry the person's estate too, filled from the person: a person's estate never changes
-- (the register's key is (estate_id, person_key)), so every reference to a person or a household within its estate
-- carries it. The id stays first in each primary key, so a look-up by id uses the same index as before.

-- What points at a household or a person, dropped while their keys change.
alter table res_person drop constraint res_person_household_fkey;
alter table res_parcel drop constraint res_parcel_household_id_fkey;
alter table res_pass drop constraint res_pass_person_id_fkey;
alter table res_isolation drop constraint res_isolation_person_id_fkey;
alter table res_special drop constraint res_special_person_id_fkey;
alter table res_contact_log drop constraint res_contact_log_person_id_fkey;
alter table res_isolation_check drop constraint res_isolation_check_isolation_id_fkey;

-- Households: the primary key takes the place of V195's unique (id, estate_id), one index fewer.
alter table res_household drop constraint res_household_id_estate;
alter table res_household drop constraint res_household_pkey;
alter table res_household add constraint res_household_pkey primary key (id, estate_id);

alter table res_person drop constraint res_person_pkey;
alter table res_person add constraint res_person_pkey primary key (id, estate_id);
alter table res_person add constraint res_person_household_fkey
    foreign key (household_id, estate_id) references res_household (id, estate_id);
alter table res_parcel add constraint res_parcel_household_id_fkey
    foreign key (household_id, estate_id) references res_household (id, estate_id);

-- Passes: one valid pass per person, in the person's estate.
alter table res_pass drop constraint res_pass_pkey;
alter table res_pass add constraint res_pass_pkey primary key (id, estate_id);
drop index res_pass_one_per_person;
create unique index res_pass_one_per_person on res_pass (person_id, estate_id) where revoked_at is null and replaced_at is null;
alter table res_pass add constraint res_pass_person_id_fkey foreign key (person_id, estate_id) references res_person (id, estate_id);

-- The care records take their person's estate (none of these tables is append-only evidence).
alter table res_isolation add column estate_id bigint;
update res_isolation i set estate_id = p.estate_id from res_person p where p.id = i.person_id;
alter table res_isolation alter column estate_id set not null;
alter table res_isolation drop constraint res_isolation_pkey;
alter table res_isolation add constraint res_isolation_pkey primary key (id, estate_id);
alter table res_isolation add constraint res_isolation_person_id_fkey
    foreign key (person_id, estate_id) references res_person (id, estate_id);

alter table res_isolation_check add column estate_id bigint;
update res_isolation_check c set estate_id = i.estate_id from res_isolation i where i.id = c.isolation_id;
alter table res_isolation_check alter column estate_id set not null;
alter table res_isolation_check drop constraint res_isolation_check_pkey;
alter table res_isolation_check add constraint res_isolation_check_pkey primary key (id, estate_id);
alter table res_isolation_check drop constraint res_isolation_check_isolation_id_day_key;
alter table res_isolation_check add constraint res_isolation_check_isolation_id_day_key unique (isolation_id, day, estate_id);
alter table res_isolation_check add constraint res_isolation_check_isolation_id_fkey
    foreign key (isolation_id, estate_id) references res_isolation (id, estate_id);

alter table res_special add column estate_id bigint;
update res_special s set estate_id = p.estate_id from res_person p where p.id = s.person_id;
alter table res_special alter column estate_id set not null;
alter table res_special drop constraint res_special_pkey;
alter table res_special add constraint res_special_pkey primary key (id, estate_id);
alter table res_special drop constraint res_special_person_id_kind_key;
alter table res_special add constraint res_special_person_id_kind_key unique (person_id, kind, estate_id);
alter table res_special add constraint res_special_person_id_fkey foreign key (person_id, estate_id) references res_person (id, estate_id);

alter table res_contact_log add column estate_id bigint;
update res_contact_log c set estate_id = p.estate_id from res_person p where p.id = c.person_id;
alter table res_contact_log alter column estate_id set not null;
alter table res_contact_log drop constraint res_contact_log_pkey;
alter table res_contact_log add constraint res_contact_log_pkey primary key (id, estate_id);
alter table res_contact_log add constraint res_contact_log_person_id_fkey
    foreign key (person_id, estate_id) references res_person (id, estate_id);
