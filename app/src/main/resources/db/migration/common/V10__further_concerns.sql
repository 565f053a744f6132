-- A repeat referral of someone with an open case joins that case as a further concern instead of being screened
-- on its own (issue 12 item 7, the lesson of the Southport review): the new case records which case it joined.
alter table prevent_case add column joined_to uuid references prevent_case (id);
create index prevent_case_joined_to on prevent_case (joined_to);
