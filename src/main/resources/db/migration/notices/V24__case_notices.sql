-- Public notices of cases (COM-02). Only de-identified fields exist here: a surname with a mask,
-- the building, never a room, an ID number or a phone. The checks keep it so even for a bug.
create table ntc_case_notice (
    id          bigserial primary key,
    estate_id   bigint not null references org_estate (id),
    kind        text not null check (kind in ('CONFIRMED', 'SUSPECTED', 'HOME_ISOLATION')),
    masked_name text not null check (masked_name ~ '^[^0-9A-Za-z]{1,2}某$'),
    building    text not null,
    case_date   date not null,
    note        text check (note !~ '[0-9]{7,}' and note !~ '[0-9]+\s*(室|户|号房)'),
    created_at  timestamptz not null default now(),
    created_by  text not null
);
create index ntc_case_notice_estate on ntc_case_notice (estate_id, case_date desc);
