-- Documents attached to a professional's referral before it is sent, listed (and removable) on the check page
-- (issue 12 item 12). They go with the draft: sent with it, or deleted with it.
create table referral_draft_document (
    id          uuid         primary key,
    draft_id    uuid         not null references referral_draft (id) on delete cascade,
    file_name   varchar(255) not null,
    size_bytes  bigint       not null,
    bytes       bytea        not null,
    uploaded_at timestamp with time zone not null
);
create index referral_draft_document_draft on referral_draft_document (draft_id);
