-- A concern an intervention provider raises at a session stays in front of the coordinator and chair until one
-- of them acknowledges it, saying what was done (issue 12 item 6).
alter table intervention_session add column concern_acknowledged_by varchar(100);
alter table intervention_session add column concern_acknowledged_at timestamp with time zone;
alter table intervention_session add column concern_acknowledgement varchar(2000);
