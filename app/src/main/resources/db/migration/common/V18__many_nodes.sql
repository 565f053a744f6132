-- Many nodes on one database (issue 16, ADR 0022): what one process used to keep in its memory is kept here, so
-- every node behind the proxy sees the same sessions, job locks, sign-in failures and public submissions.

-- Browser sessions (Spring Session JDBC; its own schema for PostgreSQL, column for column, so that one script
-- serves both databases). A session whose node dies is read by the next node; an expired one is deleted by
-- Spring Session's clean-up.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
        on delete cascade
);

-- Scheduled jobs run once across nodes (ShedLock, on the database's clock).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- Failed password sign-ins by source (a SHA-256 of the address, or of "everyone"), counted across nodes.
create table sign_in_failure (
    throttle_key   varchar(64) not null primary key,
    failures       int         not null,
    last_failed_at timestamp with time zone not null
);

-- Referrals sent through the public form in the last hour, by source (a SHA-256 of the address), across nodes.
create table public_submission (
    id           uuid        not null primary key,
    address_hash varchar(64) not null,
    submitted_at timestamp with time zone not null
);
create index public_submission_address on public_submission (address_hash, submitted_at);
