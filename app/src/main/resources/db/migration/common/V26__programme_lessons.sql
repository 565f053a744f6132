-- Programme management (issue 18): lessons learned. Each lesson belongs to the organisation that records it, is
-- filed under a CONTEST strand and a source, names the case or event it came from by reference only (an anonymised
-- case reference or an event's name, never a person), and stays open until its actions on a board's tracker are
-- done and it is closed.
create table programme_lesson (
    id                uuid          primary key,
    organisation_code varchar(40)   not null,
    strand            varchar(16)   not null,
    source            varchar(16)   not null,
    title             varchar(200)  not null,
    summary           varchar(4000) not null,
    lesson            varchar(4000) not null,
    reference         varchar(100),
    identified_on     date          not null,
    status            varchar(16)   not null,
    closed_on         date,
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null
);
create index programme_lesson_organisation on programme_lesson (organisation_code, status);

create table programme_lesson_action (
    lesson_id uuid not null references programme_lesson (id),
    action_id uuid not null references programme_action (id),
    primary key (lesson_id, action_id)
);
