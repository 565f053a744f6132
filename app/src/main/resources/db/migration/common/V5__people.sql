-- People, not rows (issue 4): record-linkage keys, match decisions, and merges that can be undone.

-- A person merged into another is that other person now (intake's exact match follows it).
alter table person add column merged_into uuid;

-- Each referral's subject as linkage compares it, and the person the case is attached to now: a narrow copy
-- of the referral's identity, so a lookup reads a few small rows per candidate, not the case and the referral.
create table person_linkage_record (
    case_id       uuid primary key references prevent_case (id),
    person_id     uuid not null,
    forename      varchar(100),
    surname       varchar(100),
    date_of_birth date,
    postcode      varchar(10),
    -- The fields cleaned and the names' sound codes (MatchModel.encode): read back without recomputing them.
    encoded       varchar(500) not null
);
create index person_linkage_record_person on person_linkage_record (person_id);

-- Blocking keys of each referral's subject: 64-bit hashes of (rule, key) from org.waymark.linkage.MatchModel.
-- A new referral's candidates are the cases sharing a key with it.
create table person_block_key (
    block_key bigint not null,
    case_id uuid   not null references prevent_case (id),
    primary key (block_key, case_id)
);

-- A gateway officer's answer to "are these the same person?"; NOT_SAME is remembered so the pair is not offered again.
-- person_a < person_b, as text, so a pair has one row whichever way round it was asked.
create table person_match_decision (
    person_a   uuid         not null,
    person_b   uuid         not null,
    decision   varchar(16)  not null,
    decided_by varchar(100) not null,
    decided_at timestamp with time zone not null,
    primary key (person_a, person_b)
);

-- A combination (DPA 2018 s.62): the merged person's cases moved to the survivor; undoing moves them back.
create table person_merge (
    id          uuid          primary key,
    survivor_id uuid          not null references person (id),
    merged_id   uuid          not null references person (id),
    case_ids    varchar(8000) not null,
    reason      varchar(1000),
    merged_by   varchar(100)  not null,
    merged_at   timestamp with time zone not null,
    undone_by   varchar(100),
    undone_at   timestamp with time zone
);
create index person_merge_survivor on person_merge (survivor_id);
create index person_merge_merged on person_merge (merged_id);
