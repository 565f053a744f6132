-- Programme management (issue 18): Prevent plans and self-assessment. The work streams, the Prevent duty toolkit's
-- sections and the rating scale are reference data (the Home Office may change them: an operator edits these tables,
-- no release needed). Each organisation's plan is milestones by work stream with owners; its yearly self-assessment
-- rates each section with evidence, and actions raised for a section land on a board's tracker. Briefings given are
-- recorded with their audience and date.
create table programme_workstream (
    code     varchar(40)   primary key,
    name     varchar(200)  not null,
    position integer       not null
);
insert into programme_workstream (code, name, position) values
    ('ENGAGEMENT_AND_PARTNERSHIP', 'Community engagement and partnership', 1),
    ('INTELLIGENCE', 'Intelligence', 2),
    ('LEADERSHIP_AND_DELIVERY', 'Leadership and delivery', 3);

create table programme_toolkit_section (
    code     varchar(40)   primary key,
    name     varchar(200)  not null,
    position integer       not null
);
insert into programme_toolkit_section (code, name, position) values
    ('PARTNERSHIP_GROUP', 'Multi-agency partnership group', 1),
    ('RISK_ASSESSMENT', 'Risk assessment', 2),
    ('PARTNERSHIP_PLAN', 'Partnership plan', 3),
    ('REFERRAL_PATHWAY', 'Referral pathway', 4),
    ('CHANNEL_PANEL', 'Channel panel', 5),
    ('TRAINING_PROGRAMME', 'Training programme', 6),
    ('PERMISSIVE_ENVIRONMENTS', 'Reducing permissive environments', 7),
    ('COMMUNICATIONS_AND_ENGAGEMENT', 'Communications and engagement', 8);

create table programme_rating (
    code varchar(40)  primary key,
    name varchar(100) not null,
    rank integer      not null
);
insert into programme_rating (code, name, rank) values
    ('STRONG', 'Strong', 4), ('GOOD', 'Good', 3), ('REQUIRES_IMPROVEMENT', 'Requires improvement', 2), ('INADEQUATE', 'Inadequate', 1);

create table programme_plan_item (
    id                uuid          primary key,
    organisation_code varchar(40)   not null,
    plan_year         integer       not null,
    workstream        varchar(40)   not null references programme_workstream (code),
    milestone         varchar(500)  not null,
    owner             varchar(200)  not null,
    due_on            date          not null,
    status            varchar(16)   not null,
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null
);
create index programme_plan_item_year on programme_plan_item (organisation_code, plan_year);

create table programme_section_rating (
    organisation_code varchar(40)   not null,
    assessment_year   integer       not null,
    section           varchar(40)   not null references programme_toolkit_section (code),
    rating            varchar(40)   not null references programme_rating (code),
    evidence          varchar(4000) not null,
    rated_by          varchar(100)  not null,
    rated_at          timestamp with time zone not null,
    primary key (organisation_code, assessment_year, section)
);

create table programme_section_action (
    organisation_code varchar(40)  not null,
    assessment_year   integer      not null,
    section           varchar(40)  not null,
    action_id         uuid         not null references programme_action (id),
    primary key (organisation_code, assessment_year, section, action_id)
);

create table programme_briefing (
    id                uuid          primary key,
    organisation_code varchar(40)   not null,
    kind              varchar(32)   not null,
    audience          varchar(200)  not null,
    given_on          date          not null,
    given_by          varchar(200)  not null,
    notes             varchar(2000),
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null
);
