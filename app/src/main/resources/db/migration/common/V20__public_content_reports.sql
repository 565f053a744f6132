-- Reports of online content from the public (issue 17): no account, so each report carries a reference of its own
-- to quote later; the item's reference stays internal (it would tell the public the URL was already known).
alter table content_report add column reference varchar(20);
create unique index content_report_reference on content_report (reference);
