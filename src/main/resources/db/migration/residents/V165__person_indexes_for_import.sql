-- Only residents with an account have a username. Indexing everyone else's NULL cost every register
-- import one more index entry per person (issue 12 §4); the look-ups by username (parcels, passes)
-- compare with =, which implies NOT NULL, so the partial index still serves them.
drop index res_person_username;
create index res_person_username on res_person (username) where username is not null;

-- Every look-up of a person by keyed ID number names the estate, so the unique (estate_id, person_key)
-- index serves it; the index on person_key alone was used by no query and cost each imported person
-- another 64-character index entry.
drop index res_person_key;
