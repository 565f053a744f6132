-- Accounts an administrator can run (issue 12 item 5): a password an administrator set (a first password or a
-- reset) must be changed at the next sign-in, and a password change ends the account's other sessions.
alter table user_account add column password_change_required boolean default false not null;
alter table user_account add column password_changed_at timestamp with time zone;
