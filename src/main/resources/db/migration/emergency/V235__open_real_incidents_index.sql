-- The cockpit's panel of incidents under way (issue 12 section 2) reads the real incidents open now in a place, newest
-- first, on every view of a city, district, street or estate. The incidents of the past (ended ones and drills) grow
-- without end; the open real ones are a few per hundred estates. A city's view reads this index from the newest and stops
-- at the twentieth in scope; the count reads only the open ones. A street's or an estate's view keeps to
-- emg_incident_estate.
create index emg_incident_open_real on emg_incident (opened_at desc, id desc) where status = 'OPEN' and not drill;
