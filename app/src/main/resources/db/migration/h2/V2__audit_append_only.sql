-- H2 has no SQL-level triggers (they are Java classes); the hash chain, entry MACs and
-- checkpoints make tampering evident on the embedded database. This keeps versions aligned.
select 1;
