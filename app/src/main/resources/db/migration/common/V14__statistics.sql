-- Official statistics (issue 14): one anonymised record per referral, live or imported from a legacy system.
-- No name, address, date of birth or words of the case: categories, dates and counts only, so the record can
-- outlive the case it came from (the retention schedule erases the case; docs/statistics.md).
create table statistical_record (
    -- A legacy reference may look like a live one: the two are kept apart (imported, reference).
    reference            varchar(40) not null,
    -- The live case this record is kept from; null for an imported referral, and once the case is erased.
    case_id              uuid unique,
    imported             boolean     not null,
    referral_date        date        not null,
    financial_year       integer     not null,
    quarter              integer     not null,
    sector               varchar(24),
    local_authority      varchar(16),
    force_area           varchar(16),
    ctp_region           varchar(16),
    age                  integer,
    age_group            varchar(16) not null,
    gender               varchar(8)  not null,
    ethnicity            varchar(8)  not null,
    -- Equality monitoring only: recorded on live referrals, not in the import format.
    religion             varchar(16) not null,
    mental_health        boolean,
    type_of_concern      varchar(48),
    concern_list         varchar(16) not null,
    screening_outcome    varchar(24),
    screening_date       date,
    screening_days       integer,
    discussed_date       date,
    panel_days           integer,
    adopted_date         date,
    consent              varchar(8),
    consent_date         date,
    consent_days         integer,
    exit_date            date,
    sessions_planned     integer,
    sessions_held        integer,
    -- A person key from the source (a legacy id, or the live person): repeats and distinct people count it.
    person_key           varchar(64),
    repeat_referral      boolean     not null default false,
    recorded_at          timestamp with time zone not null,
    primary key (imported, reference)
);
create index statistical_record_reference on statistical_record (reference);
create index statistical_record_date on statistical_record (referral_date);
create index statistical_record_person on statistical_record (person_key, referral_date);
