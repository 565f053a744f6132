-- On PostgreSQL the audit tables refuse UPDATE, DELETE and TRUNCATE outright.
-- (A superuser can still disable triggers; the hash chain and checkpoints catch that.)
create function waymark_audit_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'audit records are append-only (% on %)', tg_op, tg_table_name;
end
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function waymark_audit_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function waymark_audit_append_only();
create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function waymark_audit_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function waymark_audit_append_only();
