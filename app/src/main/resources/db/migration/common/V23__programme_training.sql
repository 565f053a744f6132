-- Programme management (issue 18): training. The Home Office's e-learning keeps no completion records (it hands
-- out a reference number), so each organisation records its own: courses with how long a completion counts, each
-- person's completions with their evidence, and the organisation's eligible staff each quarter, against which
-- compliance is reported. Completions name people, so every read of them is audited.
create table programme_course (
    id                    uuid          primary key,
    name                  varchar(200)  not null unique,
    kind                  varchar(32)   not null,
    delivery              varchar(32)   not null,
    valid_months          integer       not null,
    counts_for_compliance boolean       not null,
    created_by            varchar(100)  not null,
    created_at            timestamp with time zone not null
);

-- person_key: the staff number, else the e-mail address, else the name, lower case; one person's completion of one
-- course on one day is one row, so a file imported twice does not double.
create table programme_completion (
    id                 uuid          primary key,
    course_id          uuid          not null references programme_course (id),
    organisation_code  varchar(40)   not null,
    person_key         varchar(320)  not null,
    person_name        varchar(200)  not null,
    email              varchar(320),
    staff_number       varchar(40),
    role_title         varchar(200),
    completed_on       date          not null,
    expires_on         date          not null,
    evidence           varchar(24)   not null,
    evidence_reference varchar(200),
    recorded_by        varchar(100)  not null,
    recorded_at        timestamp with time zone not null,
    constraint programme_completion_once unique (organisation_code, course_id, person_key, completed_on)
);
create index programme_completion_register on programme_completion (organisation_code, expires_on);

-- Quarters are financial (Q1 = April to June); quarter_start is the quarter's first day.
create table programme_eligible_staff (
    organisation_code varchar(40)   not null,
    quarter_start     date          not null,
    eligible          integer       not null,
    recorded_by       varchar(100)  not null,
    recorded_at       timestamp with time zone not null,
    primary key (organisation_code, quarter_start)
);

-- The Home Office's courses, as reference data; organisations add their own local courses beside them.
insert into programme_course (id, name, kind, delivery, valid_months, counts_for_compliance, created_by, created_at) values
    ('5f0c6a52-1b7e-4c1a-9a11-000000000001', 'Prevent awareness (Home Office e-learning)', 'HOME_OFFICE_AWARENESS', 'E_LEARNING', 24, true, 'reference data', '2026-12-07 00:00:00+00'),
    ('5f0c6a52-1b7e-4c1a-9a11-000000000002', 'Prevent referrals (Home Office e-learning)', 'HOME_OFFICE_REFERRALS', 'E_LEARNING', 24, true, 'reference data', '2026-12-07 00:00:00+00'),
    ('5f0c6a52-1b7e-4c1a-9a11-000000000003', 'Channel awareness (Home Office e-learning)', 'HOME_OFFICE_CHANNEL', 'E_LEARNING', 24, true, 'reference data', '2026-12-07 00:00:00+00'),
    ('5f0c6a52-1b7e-4c1a-9a11-000000000004', 'Prevent refresher', 'REFRESHER', 'E_LEARNING', 24, true, 'reference data', '2026-12-07 00:00:00+00'),
    ('5f0c6a52-1b7e-4c1a-9a11-000000000005', 'WRAP (Workshop to Raise Awareness of Prevent)', 'WRAP', 'CLASSROOM', 36, true, 'reference data', '2026-12-07 00:00:00+00');
