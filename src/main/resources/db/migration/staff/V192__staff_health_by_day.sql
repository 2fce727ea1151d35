-- The staff health list of a street, district or city reads one day's readings of every estate in scope
-- (issue 12 §3): by day first, so a city's day is one range of this index, not a look-up per estate.
create index stf_health_day_estate on stf_health (day, estate_id);
