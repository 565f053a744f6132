-- Police-led case reviews belong to the police's module (screening), not Channel's (issue 13): a table of their own.
create table police_led_review (
    id          uuid          primary key,
    case_id     uuid          not null references prevent_case (id),
    due_on      date          not null,
    outcome     varchar(24),
    notes       varchar(10000),
    reviewed_by varchar(100),
    reviewed_at timestamp with time zone
);
create index police_led_review_case on police_led_review (case_id, due_on);

insert into police_led_review (id, case_id, due_on, outcome, notes, reviewed_by, reviewed_at)
    select id, case_id, due_on, outcome, notes, reviewed_by, reviewed_at from case_review where kind = 'POLICE_LED';
delete from case_review where kind = 'POLICE_LED';
