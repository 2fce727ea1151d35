-- Only residents with an account have a username. Indexing everyone else's NULL cost every register
-- import one more index entry per person (issue 12 §4); the look-ups by username (parcels, passes)
-- compare with =, which implies NOT NULL, so the partial index still serves them.
drop index res_person_username;
create index res_person_username on res_person (username) where username is not null;
