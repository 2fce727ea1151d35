-- The cockpit's roll-ups per region (issue 12 section 2): the same figures as cockpit_check_hour and
-- cockpit_day_figure, summed over the estates under each city, district and street (not communities: no
-- view is drawn for one), so a city's or district's view reads tens of rows instead of one per estate.
-- Kept by the jobs that keep the estates' rows, in the same transaction; rebuilt from the estates' rows.
create table cockpit_region_check_hour (
    region_path text not null,
    hour        timestamptz not null,
    figure      text not null,
    n           bigint not null,
    primary key (region_path, hour, figure)
);
create index cockpit_region_check_hour_time on cockpit_region_check_hour (hour);

create table cockpit_region_day_figure (
    region_path text not null,
    day         date not null,
    figure      text not null,
    n           bigint not null,
    primary key (region_path, day, figure)
);

-- 0: the region rows have not been built from the estates' rows yet (an existing database); the jobs
-- build them once, then set 1.
insert into cockpit_watermark (family, last_id) values ('REGION_HOUR', 0), ('REGION_DAY', 0);
