-- Ready for Citus (docs/SCALE.md): the staff health ledger's keys carry estate_id; a community report
-- and a correction are of the entry's estate.
alter table stf_community_report drop constraint stf_community_report_health_id_fkey;
alter table stf_health drop constraint stf_health_corrects_id_fkey;
alter table stf_health drop constraint stf_health_pkey;
alter table stf_health add constraint stf_health_pkey primary key (id, estate_id);
alter table stf_health add constraint stf_health_corrects_id_fkey
    foreign key (corrects_id, estate_id) references stf_health (id, estate_id);
alter table stf_community_report add constraint stf_community_report_health_id_fkey
    foreign key (health_id, estate_id) references stf_health (id, estate_id);
alter table stf_community_report drop constraint stf_community_report_pkey;
alter table stf_community_report add constraint stf_community_report_pkey primary key (id, estate_id);
