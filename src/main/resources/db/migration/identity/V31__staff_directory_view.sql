-- The identity module's published read model of accounts. Other modules that list people by
-- name (shift members, leave requests, reports to the community) join this view, never iam_user,
-- so the account table (passwords, lock-out state) stays the identity module's own.
CREATE VIEW identity_staff AS
SELECT id, username, display_name, role, estate_id, enabled
  FROM iam_user;
