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
export WAYMARK_BENCH_TOKEN="$REFERRER_TOKEN"
load "warm-up (not measured)" 16 "$(( SECONDS_EACH < 20 ? SECONDS_EACH : 20 ))" intake.lua >/dev/null
for clients in 16 64; do
  echo "== $clients concurrent clients"
  load "intake (POST /api/v1/referrals), $clients clients" "$clients" "$SECONDS_EACH" intake.lua
  WAYMARK_BENCH_PATH=/api/v1/me load "ceiling (GET /api/v1/me), $clients clients" "$clients" "$SECONDS_EACH" pages.lua \
    -H "Authorization: Bearer $REFERRER_TOKEN"
  pgbench_run "$clients" insert.sql "one row"
  pgbench_run "$clients" transaction.sql "seven rows in one transaction"
done

have="$("${PSQL[@]}" -d $DB -c 'select count(*) from prevent_case')"
need=$(( CASES - have ))
echo "== loading cases: $have from intake, generating $need more in SQL"
(( need > 0 )) && generate_cases "$need" "(array['SCREENING','NO_FURTHER_ACTION','SIGNPOSTED','CHANNEL','SUPPORT','CLOSED','POLICE_LED'])[1 + n % 7]"
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
