-- Retention (issue 15, docs/retention.md): each closed case comes up for review when its schedule says; the data
-- protection officer deletes it or keeps it with a reason and the next review date. Every review is kept, the ones
-- that erased a case too: no foreign key to the case, which goes, and no personal data, only its reference.
create table retention_review (
    id             uuid         primary key,
    case_id        uuid         not null,
    case_reference varchar(20)  not null,
    -- Where the case was held when it came up: which officers answer for the review, after the case is gone too.
    local_authority varchar(16),
    force_area     varchar(16),
    -- The schedule that made it due: NO_FURTHER_ACTION, SIGNPOSTED, POLICE_LED or CHANNEL.
    rule           varchar(24)  not null,
    due_on         date         not null,
    -- DUE, then KEPT, or DELETE (decided) and ERASED (carried out).
    status         varchar(16)  not null,
    decided_by     varchar(100),
    decided_at     timestamp with time zone,
    reason         varchar(2000),
    next_review_on date,
    erased_at      timestamp with time zone,
    created_at     timestamp with time zone not null
);
create index retention_review_status on retention_review (status, due_on);
create index retention_review_case on retention_review (case_id);

-- A legal hold blocks deletion until it is lifted; who placed and lifted it, and why, are kept.
create table legal_hold (
    id          uuid          primary key,
    case_id     uuid          not null,
    reason      varchar(2000) not null,
    placed_by   varchar(100)  not null,
    placed_at   timestamp with time zone not null,
    lifted_by   varchar(100),
    lifted_at   timestamp with time zone,
    lift_reason varchar(2000)
);
create index legal_hold_case on legal_hold (case_id);
