-- Programme management (issue 18): equality impact assessments of the programme. For each protected characteristic
-- of the Equality Act 2010, the evidence considered and the impact found; mitigations are actions on a board's
-- tracker; the assessment is signed off with a review date, and a finding changed after sign-off needs signing again.
create table programme_eia (
    id                uuid          primary key,
    organisation_code varchar(40)   not null,
    title             varchar(200)  not null,
    scope             varchar(2000) not null,
    signed_off_by     varchar(200),
    signed_off_on     date,
    review_on         date,
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null
);

create table programme_eia_finding (
    eia_id         uuid          not null references programme_eia (id),
    characteristic varchar(40)   not null,
    evidence       varchar(4000) not null,
    impact         varchar(16)   not null,
    updated_by     varchar(100)  not null,
    updated_at     timestamp with time zone not null,
    primary key (eia_id, characteristic)
);

create table programme_eia_action (
    eia_id         uuid         not null references programme_eia (id),
    characteristic varchar(40)  not null,
    action_id      uuid         not null references programme_action (id),
    primary key (eia_id, characteristic, action_id)
);
