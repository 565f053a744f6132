-- Subject access (issue 15, DPA 2018 s.45; docs/retention.md): each request, its deadline, and the history of its
-- clock (extensions, pauses, resumptions) and of the exemptions applied to items of the pack.
create table subject_access_request (
    id                 uuid        primary key,
    person_id          uuid        not null,
    received_on        date        not null,
    due_on             date        not null,
    -- OPEN, PAUSED or COMPLETED.
    status             varchar(16) not null,
    paused_on          date,
    extended           boolean     not null default false,
    created_by         varchar(100) not null,
    created_at         timestamp with time zone not null,
    first_disclosed_at timestamp with time zone,
    completed_at       timestamp with time zone
);
create index subject_access_request_person on subject_access_request (person_id);
create index subject_access_request_status on subject_access_request (status, due_on);

create table subject_access_event (
    id          uuid          primary key,
    request_id  uuid          not null references subject_access_request (id),
    -- EXTENDED, PAUSED, RESUMED, EXEMPTION or COMPLETED.
    kind        varchar(16)   not null,
    item_kind   varchar(48),
    item_id     varchar(64),
    detail      varchar(2000) not null,
    recorded_by varchar(100)  not null,
    recorded_at timestamp with time zone not null
);
create index subject_access_event_request on subject_access_event (request_id, recorded_at);
