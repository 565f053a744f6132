-- Programme management (issue 18): engagement. Programmes and events (youth, women, faith, schools, community
-- exercises) with their audience, partners, attendance and outcomes; and locally co-commissioned projects with
-- their funding, milestones and progress reports. Each belongs to the organisation that records it.
create table programme_event (
    id                uuid          primary key,
    organisation_code varchar(40)   not null,
    area_code         varchar(20)   not null,
    kind              varchar(24)   not null,
    title             varchar(200)  not null,
    held_on           date          not null,
    audience          varchar(200)  not null,
    partners          varchar(500),
    attendance        integer       not null,
    outcomes          varchar(4000),
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null
);
create index programme_event_area on programme_event (area_code, held_on);

create table programme_project (
    id                uuid          primary key,
    organisation_code varchar(40)   not null,
    area_code         varchar(20)   not null,
    title             varchar(200)  not null,
    provider          varchar(200)  not null,
    funder            varchar(200)  not null,
    funding_pounds    integer       not null,
    starts_on         date          not null,
    ends_on           date          not null,
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null
);

create table programme_project_milestone (
    id         uuid          primary key,
    project_id uuid          not null references programme_project (id),
    title      varchar(200)  not null,
    due_on     date          not null,
    done_on    date
);

create table programme_project_report (
    id          uuid          primary key,
    project_id  uuid          not null references programme_project (id),
    reported_on date          not null,
    reached     integer       not null,
    summary     varchar(4000) not null,
    created_by  varchar(100)  not null
);
