-- The users list is read a page at a time in (scope path, role, username) order by keyset (issue 12 §3): this index
-- gives that order, so a page reads its rows from the cursor on instead of sorting (and counting) every account.
create index iam_user_list_order on iam_user (scope_path, role, username);
