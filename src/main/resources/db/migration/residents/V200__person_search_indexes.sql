-- A search of a district's or a city's register (issue 12 §3) reads its matches from indexes instead of every person
-- in scope (5 million in the generated city: 4.5-20 s for a rare name).
-- The name's characters: a name contains the searched text only if it contains each of its characters, so the GIN
-- index on the array of characters finds the candidates for a name of any length (trigrams would need three
-- characters, and most Chinese names have two or three); LIKE then keeps the real matches. 21 MB for 5 million people.
create index res_person_name_chars on res_person using gin (string_to_array(name, null));
-- A phone number's prefix (LIKE '139%'): the database's collation is not C, so the pattern operator class.
create index res_person_phone_prefix on res_person (phone text_pattern_ops);
-- An ID number searched over a district or a city, by its keyed hash. V165 dropped this index as used by no query (every
-- other look-up names the estate); probing the (estate_id, person_key) key once per estate of a city took 0.15-0.6 s.
create index res_person_key on res_person (person_key);
