#!/usr/bin/env bash
# Statistics at scale, on PostgreSQL (issue 14). Prints figures; asserts nothing.
#   bench/statistics.sh [--years 10] [--per-year 100000] [--runs 10]
# 1. Generates YEARS x PER_YEAR synthetic referrals with bench's generator (1,000,000 by default).
# 2. Imports the first year with `./waymark import referrals` (a whole process, server running), and times a raw
#    `COPY` of the very same file into a table of the same columns (a whole psql process) beside it.
# 3. Imports the other years, so the database holds YEARS x PER_YEAR referrals.
# 4. Asks the running server for every table of one year (GET /api/v1/statistics/referrals, a whole HTTP request)
#    RUNS times, and runs the hand-written baseline (one GROUPING SETS query over the same rows: a grouping for every
#    breakdown and distribution the tables show, the same additive measures; a whole psql process) RUNS times; prints
#    the medians and the ratio. The API does more than the baseline: distinct people (a second query), suppression,
#    equality and JSON.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
YEARS=10; PER_YEAR=100000; RUNS=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --years) YEARS="$2"; shift 2 ;;
    --per-year) PER_YEAR="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for d in /usr/lib/jvm/temurin-25*/ /usr/lib/jvm/*-2[1-9]-*/; do [[ -x "${d}bin/java" ]] && JAVA_HOME="${JAVA_HOME:-${d%/}}"; done
export JAVA_HOME
PG="${BENCH_PG:-postgresql://postgres@127.0.0.1:5432}"
DB="waymark_bench_statistics_$$"
WORK="$(mktemp -d)"
PORT="${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
FIRST=2014
cleanup() {
  [[ -n "${SERVER:-}" ]] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  psql "$PG/postgres" -q -c "drop database if exists $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "bench/statistics.sh: failed at line $LINENO" >&2' ERR
ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

echo "== generating $YEARS years x $PER_YEAR referrals"
for ((y = FIRST; y < FIRST + YEARS; y++)); do
  "$JAVA_HOME/bin/java" "$ROOT/bench/src/main/java/org/waymark/bench/ReferralGenerator.java" --first-year "$y" --years 1 \
    --referrals-per-year "$PER_YEAR" --seed "$y" --reference-prefix "B$y" --out "$WORK/y$y.csv" \
    --reference-data "$ROOT/app/src/main/resources/reference" >/dev/null
done
psql "$PG/postgres" -q -c "create database $DB" >/dev/null
export WAYMARK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" WAYMARK_DB_USER=postgres WAYMARK_DB_PASSWORD="" \
  WAYMARK_DATA_DIR="$WORK/data" WAYMARK_DEMO=false WAYMARK_AOT=false WAYMARK_AUDIT_CHECKPOINT_DIR="$WORK/checkpoints"
# exec all the way down: $! is the server's java process itself, so the clean-up stops it.
(cd "$ROOT" && exec ./waymark serve --port "$PORT" > "$WORK/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 180); do kill -0 "$SERVER" 2>/dev/null || { echo "server exited; see $WORK/server.log" >&2; exit 1; }; curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || { echo "server did not start; see $WORK/server.log" >&2; exit 1; }

echo "== import of $PER_YEAR rows: ./waymark import referrals (whole process, server running) against psql \\copy of the same file"
start=$(ms); (cd "$ROOT" && ./waymark import referrals "$WORK/y$FIRST.csv") | tail -1; import_ms=$(( $(ms) - start ))
psql "$PG/$DB" -q -c "create table copy_baseline (reference text, referral_date date, sector text, local_authority_code text,
  date_of_birth date, age_at_referral int, gender text, ethnicity text, type_of_concern text, mental_health_or_neurodiversity boolean,
  screening_outcome text, screening_date date, discussed_at_panel_date date, adopted_date date, exit_date date, person_key text)"
start=$(ms); psql "$PG/$DB" -q -c "\\copy copy_baseline from '$WORK/y$FIRST.csv' csv header"; copy_ms=$(( $(ms) - start ))
echo "import: ${import_ms} ms for $PER_YEAR rows; raw COPY of the same rows: ${copy_ms} ms; ratio $(awk "BEGIN {printf \"%.1f\", $import_ms / $copy_ms}")"

echo "== importing the other $((YEARS - 1)) years"
for ((y = FIRST + 1; y < FIRST + YEARS; y++)); do (cd "$ROOT" && ./waymark import referrals "$WORK/y$y.csv") | tail -1; done
stored=$(psql "$PG/$DB" -tA -c "select count(*) from statistical_record")
psql "$PG/$DB" -q -c "vacuum analyze statistical_record"
echo "stored referrals: $stored"

echo "Bench-Password-2026-$$" | (cd "$ROOT" && ./waymark admin create-user --username bench.analyst --role ANALYST --organisation HOME-OFFICE --password-stdin) >/dev/null
TOKEN=$(cd "$ROOT" && ./waymark admin create-token --username bench.analyst --days 1 | tail -1)
YEAR=$((FIRST + YEARS / 2))
URL="http://127.0.0.1:$PORT/api/v1/statistics/referrals?financialYear=$YEAR"
BASELINE="select sector, type_of_concern, age_group, gender, ethnicity, mental_health, screening_outcome, local_authority, force_area,
  ctp_region, religion, quarter, screening_days, panel_days, consent_days, count(*), count(discussed_date), count(adopted_date),
  sum(case when repeat_referral then 1 else 0 end), count(exit_date), sum(case when consent = 'GIVEN' then 1 else 0 end),
  sum(case when consent = 'REFUSED' then 1 else 0 end), coalesce(sum(sessions_planned), 0), coalesce(sum(sessions_held), 0)
  from statistical_record where referral_date between '$YEAR-04-01' and '$((YEAR + 1))-03-31'
  group by grouping sets ((), (sector), (type_of_concern), (age_group), (gender), (ethnicity), (mental_health), (screening_outcome),
  (religion), (local_authority), (force_area), (ctp_region), (quarter), (screening_days), (panel_days), (consent_days),
  (local_authority, screening_days), (quarter, screening_days))"
echo "== every table of $YEAR/$(( (YEAR + 1) % 100 )) ($(psql "$PG/$DB" -tA -c "select count(*) from statistical_record where financial_year = $YEAR") rows of $stored): $RUNS runs each after 3 warm-ups"
for _ in 1 2 3; do curl -sf -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null; psql "$PG/$DB" -qtA -c "$BASELINE" >/dev/null; done
api=(); base=()
for ((i = 0; i < RUNS; i++)); do
  start=$(ms); curl -sf -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null; api+=($(( $(ms) - start )))
  start=$(ms); psql "$PG/$DB" -qtA -c "$BASELINE" >/dev/null; base+=($(( $(ms) - start )))
done
api_median=$(printf '%s\n' "${api[@]}" | median); base_median=$(printf '%s\n' "${base[@]}" | median)
echo "API (HTTP, every table, suppression, JSON): median ${api_median} ms  [${api[*]}]"
echo "baseline (psql, one GROUPING SETS query):   median ${base_median} ms  [${base[*]}]"
echo "ratio API / baseline: $(awk "BEGIN {printf \"%.2f\", $api_median / $base_median}")"
