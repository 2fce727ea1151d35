-- The cockpit's roll-ups (issue 12 section 2). Entry counts per estate and hour, kept incrementally
-- from the check records by id watermark; the ledgers' figures per estate and day. Both can be
-- rebuilt from the raw records by the owning modules.
create table cockpit_check_hour (
    estate_id bigint not null,
    hour      timestamptz not null,
    figure    text not null,
    n         bigint not null,
    primary key (estate_id, hour, figure)
);
create index cockpit_check_hour_time on cockpit_check_hour (hour, estate_id);

create table cockpit_day_figure (
    estate_id bigint not null,
    day       date not null,
    figure    text not null,
    n         bigint not null,
    primary key (estate_id, day, figure)
);
create index cockpit_day_figure_day on cockpit_day_figure (day, estate_id);

-- How far each roll-up has read its source (the highest record id folded in).
create table cockpit_watermark (
    family  text primary key,
    last_id bigint not null
);
insert into cockpit_watermark (family, last_id) values ('CHECK', 0);
