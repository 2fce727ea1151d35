-- Tries at a credential per client address and minute (login form posts, wrong API keys), shared by
-- every node: one row per kind and address, its window and the tries spent in it. Rows of addresses
-- quiet for a whole window are removed by the nodes as they go.
create table iam_attempt_window (
    kind         text        not null,
    address      text        not null,
    window_start timestamptz not null,
    tries        int         not null,
    constraint iam_attempt_window_pk primary key (kind, address)
);
create index iam_attempt_window_start on iam_attempt_window (window_start);
