-- Programme management (issue 18): the officer network. Prevent engagement officers, counter-terrorism
-- intelligence officers and coordinators, each deployed to areas (boroughs or forces) over time under a local
-- commander and a counter-terrorism line manager; the posts each organisation has established per area, against
-- which coverage, gaps and vacancies are worked out; and recruitment campaigns, whose applicants' diversity is
-- kept only as counts per category (no row about any applicant exists).
create table programme_officer (
    id                uuid          primary key,
    name              varchar(200)  not null,
    kind              varchar(40)   not null,
    organisation_code varchar(40)   not null,
    email             varchar(320),
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null
);
create index programme_officer_organisation on programme_officer (organisation_code);

create table programme_deployment (
    id              uuid          primary key,
    officer_id      uuid          not null references programme_officer (id),
    area_code       varchar(20)   not null,
    starts_on       date          not null,
    ends_on         date,
    local_commander varchar(200),
    ct_line_manager varchar(200)
);
create index programme_deployment_officer on programme_deployment (officer_id);

create table programme_post (
    organisation_code varchar(40)  not null,
    area_code         varchar(20)  not null,
    kind              varchar(40)  not null,
    established       integer      not null,
    primary key (organisation_code, area_code, kind)
);

create table programme_campaign (
    id                uuid          primary key,
    organisation_code varchar(40)   not null,
    area_code         varchar(20)   not null,
    kind              varchar(40)   not null,
    title             varchar(200)  not null,
    opened_on         date          not null,
    closed_on         date,
    applicants        integer       not null,
    appointed         integer       not null
);

create table programme_campaign_diversity (
    campaign_id    uuid          not null references programme_campaign (id),
    characteristic varchar(40)   not null,
    category       varchar(100)  not null,
    applicants     integer       not null,
    primary key (campaign_id, characteristic, category)
);
