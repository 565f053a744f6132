#!/usr/bin/env bash
# Referral intake beside the database's own limit for the same work, on PostgreSQL, in one run:
#   1. one referral is sent with PostgreSQL logging every statement of the scratch database, and
#      org.waymark.bench.StatementReplay turns what it logged into a pgbench script making exactly those
#      statements (same order, same transactions, one connection, prepared as the server's driver prepares them);
#   2. the server is restarted without the statement log, and intake (POST /api/v1/referrals from wrk) and the
#      pgbench replay each run at the same concurrency, same synchronous_commit, in turn, --rounds times.
#
#   bench/intake-replay.sh [--seconds 30] [--clients 16] [--warm-up 120] [--rounds 3]
#
# The server is warmed for --warm-up seconds of intake first: after 20 s, the JIT compiler still took 15% of the
# server's CPU in the next 30 (async-profiler), so a shorter warm-up measures compilation, not steady intake.
# Each round prints intake / replay and the server's own CPU per referral (from /proc).
#
# Needs psql, pgbench, wrk, PostgreSQL at 127.0.0.1:5432 and read access to its log (PG_LOG, found under
# /var/log/postgresql when not set). The replay script is kept in the printed folder.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_EACH=30
CLIENTS=16
WARM_UP=120
ROUNDS=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --warm-up) WARM_UP="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DB=waymark_bench_replay
PORT=8098
source "$ROOT/bench/server.sh"
CP="$ROOT/bench/target/classes"
PG_LOG="${PG_LOG:-$(ls -t /var/log/postgresql/postgresql-*.log 2>/dev/null | head -n 1)}"
[[ -r "$PG_LOG" ]] || { echo "cannot read PostgreSQL's log ($PG_LOG): set PG_LOG" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk: sudo apt-get install wrk" >&2; exit 1; }

admin create-user --username bench.referrer --role REFERRER --organisation LA-E09000007 --area E09000007 --password-stdin <<< "$PASSWORD" >/dev/null
TOKEN="$(admin create-token --username bench.referrer --days 1 | tail -n 1)"

referral() { # idempotency-key forename surname postcode: prints the answer
  curl -sf -X POST "$BASE/api/v1/referrals" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
    -H "Idempotency-Key: $1" -d '{"forename": "'"$2"'", "surname": "'"$3"'", "dateOfBirth": "2010-03-04", "gender": "MALE",
 "address": "12 Example Street", "postcode": "'"$4"'", "localAuthority": "E09000007", "personAware": "NO",
 "concern": "Synthetic benchmark referral: shared extremist material in a group chat and spoke admiringly of an attacker; teachers noticed withdrawal from friends and a new interest in weapons.",
 "complexNeeds": ["NEURODIVERSITY"], "otherSafeguarding": "None known", "agenciesInvolved": "School nurse",
 "referrerName": "Bench Teacher", "referrerOrganisation": "Bench Academy", "referrerSector": "EDUCATION",
 "referrerEmail": "dsl@bench.example", "ethnicity": "NOT_STATED"}'
}

# 1. Capture. Warm first (twenty referrals), so the statements are those of a server in steady state.
"${PSQL[@]}" -d $DB -c "alter database $DB set log_statement = 'all'"
start_server
for i in $(seq 1 20); do referral "warm-$i-$RANDOM" Alex "Warmup$i" "SW$(( i % 9 + 1 )) 1AB" >/dev/null; done
from_line=$(( $(wc -l < "$PG_LOG") + 1 ))
KEY="replay-$RANDOM$RANDOM"
"${PSQL[@]}" -d $DB -c "select 'waymark-replay-start'" >/dev/null
ANSWER="$(referral "$KEY" Qvrowan Zqxmarsh "SW9 9XZ")"
"${PSQL[@]}" -d $DB -c "select 'waymark-replay-end'" >/dev/null
sleep 1
tail -n +"$from_line" "$PG_LOG" > "$WORK/statements.log"
stop_servers
"${PSQL[@]}" -d $DB -c "alter database $DB reset log_statement"
REFERENCE="$(sed -E 's/.*"reference" *: *"([^"]+)".*/\1/' <<< "$ANSWER")"
echo "== one referral's statements ($REFERENCE), from $PG_LOG"
"$JAVA" -cp "$CP" org.waymark.bench.StatementReplay "$WORK/statements.log" waymark-replay-start waymark-replay-end \
  "$REFERENCE" "$WORK/replay.sql" Qvrowan Zqxmarsh "$KEY"
grep -c '^BEGIN' "$WORK/replay.sql" | sed 's/^/transactions (commits) per referral: /'
echo "replay script: $WORK/replay.sql"

# 2. Measure, in turn, on the same database and server.
start_server
echo "== machine: $(nproc) cores; PostgreSQL $("${PSQL[@]}" -d $DB -c 'show server_version'), synchronous_commit=$("${PSQL[@]}" -d $DB -c 'show synchronous_commit'), fsync=$("${PSQL[@]}" -d $DB -c 'show fsync'); pool $WAYMARK_DB_POOL_SIZE; $SECONDS_EACH s a run, $CLIENTS clients, warm-up $WARM_UP s"
export WAYMARK_BENCH_TOKEN="$TOKEN"
load "warm-up (not measured)" "$CLIENTS" "$WARM_UP" intake.lua >/dev/null
pgbench_run 4 replay.sql "warm-up (not measured)" -M prepared >/dev/null
server_ticks() { awk '{print $14 + $15}' "/proc/${SERVERS[0]}/stat"; }
for round in $(seq 1 "$ROUNDS"); do
  before="$(server_ticks)"
  intake="$(load "round $round: intake (POST /api/v1/referrals), $CLIENTS clients" "$CLIENTS" "$SECONDS_EACH" intake.lua)"
  ticks=$(( $(server_ticks) - before ))
  echo "$intake"
  replay="$(pgbench_run "$CLIENTS" replay.sql "round $round: replay of one referral's statements" -M prepared)"
  echo "$replay"
  awk -v i="$(rate_of "$intake")" -v n="$(requests_of "$intake")" -v r="$(rate_of "$replay")" -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v round="$round" \
      'BEGIN { printf "round %d: intake / replay %.1f%%; the server used %.2f ms of CPU per referral\n", round, 100 * i / r, 1000 * t / hz / n }'
done
