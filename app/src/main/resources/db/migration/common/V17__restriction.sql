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
