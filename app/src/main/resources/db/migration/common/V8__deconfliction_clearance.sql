-- A CT supervisor clears a deconfliction match only with a recorded reason (issue 12 item 4).
alter table deconfliction_match add column cleared_reason varchar(2000);
