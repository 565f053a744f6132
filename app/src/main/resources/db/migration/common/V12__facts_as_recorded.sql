-- Facts stored when they happen, not worked back out later (issue 13).

-- The day a panel agreed a case leaves Channel: the post-exit reviews count from it.
create table channel_exit (
    case_id     uuid not null references prevent_case (id),
    meeting_id  uuid not null references panel_meeting (id),
    exited_on   date not null,
    recorded_at timestamp with time zone not null,
    primary key (case_id, meeting_id)
);
insert into channel_exit (case_id, meeting_id, exited_on, recorded_at)
    select case_id, meeting_id, cast(decided_at as date), decided_at from panel_agenda_item where decision = 'EXIT';

-- A milestone that moved the case says from which stage to which; the stored stage must equal the last "to".
alter table case_milestone add column from_stage varchar(40);
alter table case_milestone add column to_stage varchar(40);

-- Why a captured image has no perceptual hash (undecodable, or hashing failed): shown on the capture, never silent.
alter table content_capture add column hash_problem varchar(64);
