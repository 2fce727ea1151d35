-- Ready for Citus (docs/SCALE.md): the estate's remaining residents-side ledgers carry estate_id in their keys: suspicious
-- or uncooperative visitors reported (ACC-12), returnees refused (RES-07), the import batches, and the renovation sites
-- with their workers and each worker's daily "一登三查" (ACC-14). A worker and a visit had no estate: they take their
-- site's, filled from it, and Renovations writes it from the site it has read.
alter table res_visit_report drop constraint res_visit_report_pkey;
alter table res_visit_report add constraint res_visit_report_pkey primary key (id, estate_id);
alter table res_return_refusal drop constraint res_return_refusal_pkey;
alter table res_return_refusal add constraint res_return_refusal_pkey primary key (id, estate_id);
alter table res_import_batch drop constraint res_import_batch_pkey;
alter table res_import_batch add constraint res_import_batch_pkey primary key (id, estate_id);

alter table res_site_visit drop constraint res_site_visit_site_id_fkey;
alter table res_site_visit drop constraint res_site_visit_worker_id_fkey;
alter table res_site_worker drop constraint res_site_worker_site_id_fkey;
alter table res_site drop constraint res_site_pkey;
alter table res_site add constraint res_site_pkey primary key (id, estate_id);

alter table res_site_worker add column estate_id bigint;
update res_site_worker w set estate_id = s.estate_id from res_site s where s.id = w.site_id;
alter table res_site_worker alter column estate_id set not null;
alter table res_site_worker drop constraint res_site_worker_pkey;
alter table res_site_worker add constraint res_site_worker_pkey primary key (id, estate_id);
alter table res_site_worker drop constraint res_site_worker_site_id_person_key_key;
alter table res_site_worker add constraint res_site_worker_site_id_person_key_key unique (site_id, person_key, estate_id);
alter table res_site_worker add constraint res_site_worker_site_id_fkey
    foreign key (site_id, estate_id) references res_site (id, estate_id);

alter table res_site_visit add column estate_id bigint;
update res_site_visit v set estate_id = s.estate_id from res_site s where s.id = v.site_id;
alter table res_site_visit alter column estate_id set not null;
alter table res_site_visit drop constraint res_site_visit_pkey;
alter table res_site_visit add constraint res_site_visit_pkey primary key (id, estate_id);
alter table res_site_visit add constraint res_site_visit_site_id_fkey
    foreign key (site_id, estate_id) references res_site (id, estate_id);
alter table res_site_visit add constraint res_site_visit_worker_id_fkey
    foreign key (worker_id, estate_id) references res_site_worker (id, estate_id);
