-- Restriction of processing (issue 15, DPA 2018 ss.46-47; docs/retention.md): a case kept as evidence, or whose
-- accuracy is disputed, is restricted instead of erased. The flag sits on the case so that every read through the
-- access decision treats it as missing; who restricted it, on which ground, and who lifted it are the retention
-- module's record.
alter table prevent_case add column restricted boolean default false not null;

create table case_restriction (
    id          uuid          primary key,
    case_id     uuid          not null,
    -- EVIDENCE or ACCURACY_DISPUTED.
    ground      varchar(24)   not null,
    reason      varchar(2000) not null,
    placed_by   varchar(100)  not null,
    placed_at   timestamp with time zone not null,
    lifted_by   varchar(100),
    lifted_at   timestamp with time zone,
    lift_reason varchar(2000)
);
create index case_restriction_case on case_restriction (case_id);

-- Break-glass (issue 15): read access to a case a user may not otherwise read, asked for with a reason and the user's
-- second factor, for a limited time; every one waits for a data protection officer to sign it off.
create table break_glass (
    id           uuid          primary key,
    case_id      uuid          not null,
    user_id      uuid          not null,
    username     varchar(100)  not null,
    organisation varchar(64),
    reason       varchar(2000) not null,
    granted_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    reviewed_by  varchar(100),
    reviewed_at  timestamp with time zone,
    review_note  varchar(2000)
);
create index break_glass_user on break_glass (user_id, expires_at);
create index break_glass_review on break_glass (reviewed_at, granted_at);

-- Rectification (issue 15, DPA 2018 s.46): a corrected fact of a referral, with who, when, why and the value it
-- replaced, which only the data protection officer sees.
create table referral_rectification (
    id           uuid          primary key,
    case_id      uuid          not null references prevent_case (id),
    field        varchar(32)   not null,
    old_value    varchar(2000),
    new_value    varchar(2000),
    reason       varchar(2000) not null,
    rectified_by varchar(100)  not null,
    rectified_at timestamp with time zone not null
);
create index referral_rectification_case on referral_rectification (case_id, rectified_at);
