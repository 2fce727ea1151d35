-- Ready for Citus (docs/SCALE.md): the daily report's rows carry estate_id in their keys (10,000 estates, a row each a
-- day). A submission supersedes one of its own estate's. No column is added to report_submission: it is evidence, and
-- its seal hashes the row's columns, which stay as they were (tested: DistributionKeyMigrationTest).
alter table report_submission drop constraint report_submission_supersedes_id_fkey;
alter table report_submission drop constraint report_submission_pkey;
alter table report_submission add constraint report_submission_pkey primary key (id, estate_id);
alter table report_submission add constraint report_submission_supersedes_id_fkey
    foreign key (supersedes_id, estate_id) references report_submission (id, estate_id);
alter table report_day drop constraint report_day_pkey;
alter table report_day add constraint report_day_pkey primary key (id, estate_id);
