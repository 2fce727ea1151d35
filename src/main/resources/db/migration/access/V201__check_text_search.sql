-- The check list's search box (a name or a plate) over a district's or a city's month of records (issue 12 §3): without an
-- index it read the period's records newest first until a page filled (346-627 ms for a rare name on the generated
-- city). The index holds each record's characters (name and plate, upper case): a record contains the searched text
-- only if it holds each of its characters, so the index finds the candidates for a Chinese name of two characters as
-- well as a plate; ILIKE then keeps the real matches. Every check writes it (about 12 µs per row in a bulk insert,
-- measured on the generated city; docs/PERFORMANCE.md).
create index if not exists access_check_text_chars on access_check
    using gin (string_to_array(upper(coalesce(person_name, '') || ' ' || coalesce(vehicle_plate, '')), null));
