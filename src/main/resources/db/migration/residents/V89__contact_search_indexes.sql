-- Contact tracing (EMG-07): the visitors a household registered over the exposure window, and the
-- renovation sites of an estate.
create index res_visit_estate_day on res_visit (estate_id, visit_date);
create index res_site_estate on res_site (estate_id);
