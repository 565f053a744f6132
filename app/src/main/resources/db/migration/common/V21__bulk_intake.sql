-- Bulk intake (issue 17): an analyst's upload of a ZIP (manifest.csv naming each URL and its captured file) or of a
-- list of URLs. The upload is read whole and refused whole; once saved, every entry is already a report on its
-- canonical item, and each captured file waits here to be hashed in the background (hashing: PENDING, then
-- HASHING while a worker holds it, then DONE, MATCHED or FAILED with the reason as a message code). A worker that
-- dies leaves HASHING with an old claimed_at, and the next sweep takes the entry again.
create sequence content_intake_number;

create table content_intake (
    id           uuid         primary key,
    reference    varchar(32)  not null unique,
    kind         varchar(16)  not null,
    file_name    varchar(255),
    source       varchar(32)  not null,
    label        varchar(200),
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamp with time zone not null,
    entries      integer      not null,
    new_items    integer      not null,
    known_items  integer      not null,
    repeated     integer      not null
);
create index content_intake_uploaded on content_intake (uploaded_at);

create table content_intake_entry (
    intake_id   uuid          not null references content_intake (id),
    line        integer       not null,
    item_id     uuid          not null references content_item (id),
    url         varchar(2048) not null,
    outcome     varchar(16)   not null,
    file_name   varchar(255),
    sha256      varchar(64)   references content_file (sha256),
    hashing     varchar(16)   not null,
    reason      varchar(100),
    capture_id  uuid          references content_capture (id),
    claimed_at  timestamp with time zone,
    finished_at timestamp with time zone,
    primary key (intake_id, line)
);
create index content_intake_entry_hashing on content_intake_entry (hashing, claimed_at);
