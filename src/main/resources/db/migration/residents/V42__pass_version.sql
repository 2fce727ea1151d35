-- Two staff may revoke the same pass at once; the version keeps the first revocation's reason.
alter table res_pass add column version integer not null default 0;
