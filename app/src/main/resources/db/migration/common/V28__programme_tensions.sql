-- Programme management (issue 18): community tensions and incidents. The tension scale is reference data (the
-- levels below are the starting set; an operator may rename or add levels here without a code change). Each area's
-- assessments are kept as a history; incidents are logged with what, when and where, and the public lines agreed
-- for them with who approved each.
create table programme_tension_scale (
    level       integer       primary key,
    name        varchar(40)   not null,
    description varchar(300)  not null
);
insert into programme_tension_scale (level, name, description) values
    (1, 'Low', 'Normal community relations; no specific concern'),
    (2, 'Moderate', 'Some tension reported; monitored through routine engagement'),
    (3, 'Elevated', 'Tension evident in several sources; reassurance activity under way'),
    (4, 'High', 'Significant tension with a risk of disorder; multi-agency response'),
    (5, 'Critical', 'Disorder taking place or imminent');

create table programme_tension_assessment (
    id                uuid          primary key,
    organisation_code varchar(40)   not null,
    area_code         varchar(20)   not null,
    level             integer       not null references programme_tension_scale (level),
    assessed_on       date          not null,
    indicators        varchar(4000) not null,
    sources           varchar(1000) not null,
    reassurance       varchar(4000),
    review_on         date          not null,
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null
);
create index programme_tension_area on programme_tension_assessment (area_code, assessed_on);

create table programme_incident (
    id                uuid          primary key,
    organisation_code varchar(40)   not null,
    title             varchar(200)  not null,
    occurred_on       date          not null,
    area_code         varchar(20)   not null,
    description       varchar(4000) not null,
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null
);

create table programme_public_line (
    id          uuid          primary key,
    incident_id uuid          not null references programme_incident (id),
    line        varchar(2000) not null,
    approved_by varchar(200)  not null,
    approved_on date          not null,
    created_by  varchar(100)  not null
);
