-- Issue 18: an action records the agenda item it was raised at, as well as the meeting.
alter table programme_action add column agenda_item_id uuid references programme_agenda_item (id);
