-- Register import at 25,000 rows/s (issue 12 §4): each new person cost PostgreSQL two foreign-key checks
-- (a query and a row lock each, about a third of the insert) and four index entries.
--
-- One check instead of two: the person's household, in the person's estate. The household already
-- references its estate, so the person's estate exists; and the person can no longer sit in a household
-- of another estate, which the two separate keys allowed. (Deleting an estate that has people is still
-- refused: its households reference it.)
alter table res_household add constraint res_household_id_estate unique (id, estate_id);
alter table res_person
    drop constraint res_person_estate_id_fkey,
    drop constraint res_person_household_id_fkey,
    add constraint res_person_household_fkey foreign key (household_id, estate_id) references res_household (id, estate_id);

-- No query looks a person up or orders people by (estate, name): the name search is a substring match
-- (LIKE '%…%', which a btree cannot serve), the lists read people by household, and a scan of one
-- estate's people uses the unique (estate_id, person_key) index. It cost every imported person an entry.
drop index res_person_name;
