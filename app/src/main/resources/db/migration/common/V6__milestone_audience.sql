-- Who may read each milestone of a case's timeline (ADR 17): everyone who may read the case; the case team,
-- which is everyone but panel members and providers (they see neither documents nor screening); or police only
-- (system checks, deconfliction, record linkage).
alter table case_milestone add column audience varchar(16) default 'EVERYONE' not null;

update case_milestone set audience = 'POLICE'
 where kind in ('SYSTEM_CHECK', 'WITHHELD', 'RELEASED', 'PERSON_MERGED', 'PERSON_SEPARATED', 'PERSON_MATCH_REJECTED');
update case_milestone set audience = 'CASE_TEAM'
 where kind in ('DOCUMENT_ADDED', 'DECISION_AWAITING_APPROVAL', 'CLOSURE_APPROVED', 'CLOSURE_RETURNED', 'INFORMATION_REQUESTED',
                'INFORMATION_PROVIDED');
