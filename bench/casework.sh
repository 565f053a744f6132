#!/usr/bin/env bash
# Case work on PostgreSQL, measured on this machine:
#   1. sustained API referral intake at 16 and 64 concurrent clients (rate, p50/p99), beside pgbench inserting
#      an equivalent row (same size, same synchronous commit) at the same concurrency, in the same run; and
#      beside the ceiling: the cheapest authenticated API call (GET /api/v1/me, no writes) at the same concurrency;
#   2. the case page (API and HTML) with 100,000 cases loaded.
#
#   bench/casework.sh [--seconds 30] [--cases 100000]
#
# It builds the application, creates a scratch database (waymark_bench, dropped first), starts the server on
# port 8097 against it, and stops it at the end. Needs psql and pgbench, and PostgreSQL at 127.0.0.1:5432.
# The HTTP load comes from wrk (installed here if missing), a C client like pgbench: a load generator in Java
# took most of the two cores itself and measured itself more than the server (ADR 0012).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_EACH=30
CASES=100000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --cases) CASES="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DB=waymark_bench
PORT=8097
source "$ROOT/bench/server.sh"
CP="$ROOT/bench/target/classes"
command -v wrk >/dev/null || { [[ $(id -u) == 0 ]] && apt-get install -y -qq wrk >/dev/null; } || { echo "needs wrk: sudo apt-get install wrk" >&2; exit 1; }
start_server

admin create-user --username bench.referrer --role REFERRER --organisation LA-E09000007 --area E09000007 --password-stdin <<< "$PASSWORD" >/dev/null
admin create-user --username bench.gateway --role GATEWAY_OFFICER --organisation PF-E23000001 --area E23000001 --password-stdin <<< "$PASSWORD" >/dev/null
REFERRER_TOKEN="$(admin create-token --username bench.referrer --days 1 | tail -n 1)"
GATEWAY_TOKEN="$(admin create-token --username bench.gateway --days 1 | tail -n 1)"

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; PostgreSQL $("${PSQL[@]}" -d $DB -c 'show server_version'), synchronous_commit=$("${PSQL[@]}" -d $DB -c 'show synchronous_commit'), fsync=$("${PSQL[@]}" -d $DB -c 'show fsync')"
echo "== pool $WAYMARK_DB_POOL_SIZE connections; $SECONDS_EACH s measured per run"

# The pgbench baseline: one transaction inserting one row the size of a referral's answers, committed the same way.
"${PSQL[@]}" -d $DB -c "create table bench_referral (id uuid primary key, reference varchar(20), body varchar(10000), received_at timestamp with time zone)" >/dev/null
cat > "$WORK/insert.sql" <<'SQL'
insert into bench_referral (id, reference, body, received_at) values (gen_random_uuid(), 'PRV-2026-' || (random() * 999999)::int, repeat('synthetic referral answers ', 40), now());
SQL
# A second baseline: one transaction writing the rows a referral writes (person, case, answers, idempotency key,
# milestone, audit entry, outbox event), so the gap between the two pgbench figures is the database's share.
cat > "$WORK/transaction.sql" <<'SQL'
begin;
insert into bench_referral (id, reference, body, received_at) values (gen_random_uuid(), 'person', repeat('p', 80), now());
insert into bench_referral (id, reference, body, received_at) values (gen_random_uuid(), 'case', repeat('c', 120), now());
insert into bench_referral (id, reference, body, received_at) values (gen_random_uuid(), 'answers', repeat('synthetic referral answers ', 40), now());
insert into bench_referral (id, reference, body, received_at) values (gen_random_uuid(), 'idempotency', repeat('i', 110), now());
insert into bench_referral (id, reference, body, received_at) values (gen_random_uuid(), 'milestone', repeat('m', 60), now());
insert into bench_referral (id, reference, body, received_at) values (gen_random_uuid(), 'audit', repeat('a', 200), now());
insert into bench_referral (id, reference, body, received_at) values (gen_random_uuid(), 'event', repeat('e', 300), now());
commit;
SQL
pgbench_run() { # clients [script] [label]
  rm -f "$WORK"/pgb.*
  pgbench -h 127.0.0.1 -U postgres -n -c "$1" -j 2 -T "$SECONDS_EACH" -f "$WORK/${2:-insert.sql}" -l --log-prefix="$WORK/pgb" $DB > "$WORK/pgbench.out" 2>&1
  local tps; tps="$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.out")"
  cat "$WORK"/pgb.* | awk '{print $3}' | sort -n > "$WORK/lat"
  local n; n="$(wc -l < "$WORK/lat")"
  local p50 p99
  p50="$(awk -v n="$n" 'NR == int(n * 0.50 + 0.5) {printf "%.1f", $1 / 1000}' "$WORK/lat")"
  p99="$(awk -v n="$n" 'NR == int(n * 0.99 + 0.5) {printf "%.1f", $1 / 1000}' "$WORK/lat")"
  printf 'pgbench %s, %s clients: %.1f transactions per second, p50 %s ms, p99 %s ms\n' "${3:-one row}" "$1" "$tps" "$p50" "$p99"
}

load() { # label clients seconds script [wrk options...]: one wrk run, one line of figures
  local label="$1" clients="$2" seconds="$3" script="$4"; shift 4
  WAYMARK_BENCH_LABEL="$label" wrk -t2 -c"$clients" -d"${seconds}s" --timeout 10s -s "$ROOT/bench/wrk/$script" "$@" "$BASE" | tail -n 1
}
export WAYMARK_BENCH_TOKEN="$REFERRER_TOKEN"
load "warm-up (not measured)" 16 "$(( SECONDS_EACH < 20 ? SECONDS_EACH : 20 ))" intake.lua >/dev/null
for clients in 16 64; do
  echo "== $clients concurrent clients"
  load "intake (POST /api/v1/referrals), $clients clients" "$clients" "$SECONDS_EACH" intake.lua
  WAYMARK_BENCH_PATH=/api/v1/me load "ceiling (GET /api/v1/me), $clients clients" "$clients" "$SECONDS_EACH" pages.lua \
    -H "Authorization: Bearer $REFERRER_TOKEN"
  pgbench_run "$clients"
  pgbench_run "$clients" transaction.sql "seven rows in one transaction"
done

have="$("${PSQL[@]}" -d $DB -c 'select count(*) from prevent_case')"
need=$(( CASES - have ))
echo "== loading cases: $have from intake, generating $need more in SQL"
if (( need > 0 )); then
  "${PSQL[@]}" -d $DB >/dev/null <<SQL
create temporary table gen as select gen_random_uuid() as person, gen_random_uuid() as case_id, g as n,
  now() - (g % 700) * interval '1 day' as at from generate_series(1, $need) g;
insert into person (id, forename, surname, date_of_birth, name_key, created_at)
  select person, f, 'Generated' || n, date '2008-01-01' + (n % 3000), 'generated' || n || '|' || lower(f), at
  from (select *, (array['Alex','Sam','Jordan','Riley','Casey','Morgan','Taylor','Jamie'])[1 + n % 8] as f from gen) g;
insert into prevent_case (id, reference, person_id, stage, local_authority, force_area, received_at, received_via, submitted_by,
  submitted_org, withheld, stage_changed_at, version)
  select case_id, 'PRV-GEN-' || lpad(n::text, 8, '0'), person,
         (array['SCREENING','NO_FURTHER_ACTION','SIGNPOSTED','CHANNEL','SUPPORT','CLOSED','POLICE_LED'])[1 + n % 7],
         'E09000007', 'E23000001', at, 'API', 'bench.referrer', 'LA-E09000007', false, at, 0 from gen;
insert into referral (case_id, forename, surname, date_of_birth, gender, postcode, person_aware, concern, referrer_sector, language,
  referrer_name, referrer_organisation)
  select case_id, 'Generated', 'Generated' || n, date '2008-01-01' + (n % 3000), 'MALE', 'NW1 2AB', 'NO',
         repeat('Synthetic concern text. ', 20), 'EDUCATION', 'en', 'Bench Teacher', 'Bench Academy' from gen;
insert into case_milestone (case_id, occurred_at, kind, actor, organisation, detail)
  select case_id, at, 'REFERRAL_RECEIVED', 'bench.referrer', 'LA-E09000007', 'API' from gen
  union all select case_id, at + interval '2 days', 'SYSTEM_CHECK', 'bench.gateway', 'PF-E23000001', 'PNC: NO_TRACE' from gen
  union all select case_id, at + interval '3 days', 'SCREENING_DECISION', 'bench.gateway', 'PF-E23000001', 'CHANNEL' from gen;
analyze;
SQL
fi
echo "cases loaded: $("${PSQL[@]}" -d $DB -c 'select count(*) from prevent_case')"
"${PSQL[@]}" -d $DB -c "select id from prevent_case order by random() limit 20000" > "$WORK/ids"
export WAYMARK_BENCH_IDS="$WORK/ids"
COOKIE="$("$JAVA" -cp "$CP" org.waymark.bench.BenchHttp sign-in "$BASE" bench.gateway "$PASSWORD")"
WAYMARK_BENCH_PATH=/api/v1/cases/ load "warm-up (not measured)" 4 10 pages.lua -H "Authorization: Bearer $GATEWAY_TOKEN" >/dev/null
WAYMARK_BENCH_PATH=/api/v1/cases/ load "case API (GET /api/v1/cases/{id}), 4 clients, 20,000 cases to pick from" 4 "$SECONDS_EACH" pages.lua \
  -H "Authorization: Bearer $GATEWAY_TOKEN"
WAYMARK_BENCH_PATH=/cases/ load "warm-up (not measured)" 4 10 pages.lua -H "Cookie: $COOKIE" >/dev/null
WAYMARK_BENCH_PATH=/cases/ load "case page (GET /cases/{id}, HTML), 4 clients, 20,000 cases to pick from" 4 "$SECONDS_EACH" pages.lua \
  -H "Cookie: $COOKIE"
