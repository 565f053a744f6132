-- Programme management (issue 18), first part: partnership boards (a CONTEST board, a Prevent board, an oversight
-- board with community members, the Prevent duty's multi-agency partnership group), their members and meetings with
-- attendance, apologies and declarations of interest, and the action tracker. A board belongs to the organisation
-- that runs it; members are people, so every read of them is audited.
create table programme_board (
    id                uuid          primary key,
    name              varchar(200)  not null,
    kind              varchar(24)   not null,
    organisation_code varchar(40)   not null,
    quorum            integer       not null,
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null
);

create table programme_board_member (
    id               uuid          primary key,
    board_id         uuid          not null references programme_board (id),
    name             varchar(200)  not null,
    organisation     varchar(200)  not null,
    role_title       varchar(200)  not null,
    community_member boolean       not null,
    email            varchar(320),
    joined_on        date          not null,
    left_on          date
);
create index programme_board_member_board on programme_board_member (board_id);

-- Minutes go from DRAFT to APPROVED at a later meeting of the board (minutes_approved_at), and are then fixed.
create table programme_meeting (
    id                  uuid          primary key,
    board_id            uuid          not null references programme_board (id),
    held_on             date          not null,
    location            varchar(200),
    created_by          varchar(100)  not null,
    created_at          timestamp with time zone not null,
    minutes             varchar(20000),
    minutes_status      varchar(16)   not null,
    minutes_approved_at uuid          references programme_meeting (id)
);
create index programme_meeting_board on programme_meeting (board_id, held_on);

-- One row a member a meeting: PRESENT, APOLOGIES or ABSENT, with any declaration of interest made.
create table programme_attendance (
    meeting_id  uuid          not null references programme_meeting (id),
    member_id   uuid          not null references programme_board_member (id),
    attendance  varchar(16)   not null,
    declaration varchar(2000),
    primary key (meeting_id, member_id)
);

-- The agenda: items in order, each with its presenter, paper and purpose (INFORMATION, DISCUSSION, DECISION) and
-- the decision taken on it, if any.
create table programme_agenda_item (
    id         uuid          primary key,
    meeting_id uuid          not null references programme_meeting (id),
    position   integer       not null,
    title      varchar(300)  not null,
    presenter  varchar(200),
    paper      varchar(300),
    purpose    varchar(16)   not null,
    decision   varchar(4000)
);
create index programme_agenda_item_meeting on programme_agenda_item (meeting_id, position);

create sequence programme_action_number;

create table programme_action (
    id                 uuid          primary key,
    number             varchar(24)   not null unique,
    board_id           uuid          not null references programme_board (id),
    meeting_id         uuid          references programme_meeting (id),
    title              varchar(500)  not null,
    owner_name         varchar(200)  not null,
    owner_organisation varchar(200)  not null,
    owner_email        varchar(320),
    due_on             date          not null,
    status             varchar(16)   not null,
    rag                varchar(8)    not null,
    created_by         varchar(100)  not null,
    created_at         timestamp with time zone not null,
    closed_on          date,
    reminded_on        date
);
create index programme_action_open on programme_action (status, due_on);

create table programme_action_update (
    id         uuid          primary key,
    action_id  uuid          not null references programme_action (id),
    note       varchar(2000) not null,
    status     varchar(16)   not null,
    rag        varchar(8)    not null,
    updated_by varchar(100)  not null,
    updated_at timestamp with time zone not null
);
create index programme_action_update_action on programme_action_update (action_id, updated_at);
