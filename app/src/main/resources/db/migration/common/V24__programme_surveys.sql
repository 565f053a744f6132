-- Programme management (issue 18): community confidence surveys. A wave is one round of fieldwork, run by an
-- organisation; its responses are anonymous (a respondent is known only by the survey's own response id), each
-- with the respondent's area and segment and a score from 1 to 5 on each question (null: not answered). The
-- response id is unique within its wave, so a file imported twice does not double.
create table survey_wave (
    id                uuid          primary key,
    name              varchar(200)  not null,
    organisation_code varchar(40)   not null,
    fielded_on        date          not null,
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null
);
create index survey_wave_organisation on survey_wave (organisation_code, fielded_on);

create table survey_response (
    wave_id              uuid          not null references survey_wave (id),
    response_id          varchar(100)  not null,
    area_code            varchar(20)   not null,
    segment              varchar(20)   not null,
    community            varchar(100),
    favourability        smallint,
    knowledge            smallint,
    confidence_to_refer  smallint,
    primary key (wave_id, response_id)
);
