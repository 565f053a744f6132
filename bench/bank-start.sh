#!/usr/bin/env bash
# The PDQ bank at start with many hashes (issue 17, ADR 8), on PostgreSQL, on this machine: how soon a restarted node
# answers, what a match costs while its index is still being built (a scan of the table, the same answer) and after,
# and how long the build takes. Hashes are generated in SQL (two MD5s each), straight into hash_bank.
#
#   bench/bank-start.sh [--hashes 10000000] [--heap 6g]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HASHES=10000000
HEAP=6g
while [[ $# -gt 0 ]]; do
  case "$1" in
    --hashes) HASHES="$2"; shift 2 ;;
    --heap) HEAP="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DB=waymark_bank_bench
PORT=8097
source "$ROOT/bench/server.sh"
start_server
admin create-user --username bench.analyst --role CONTENT_ANALYST --organisation CTIRU --password-stdin <<< "$PASSWORD" >/dev/null
TOKEN="$(admin create-token --username bench.analyst --days 1 | tail -n 1)"
admin create-user --username bench.admin --role ADMIN --organisation HOME-OFFICE --password-stdin <<< "$PASSWORD" >/dev/null
ADMIN_TOKEN="$(admin create-token --username bench.admin --days 1 | tail -n 1)"
stop_servers
echo "== $(date -u +%FT%TZ); $(nproc) cores; PostgreSQL $("${PSQL[@]}" -d $DB -c 'show server_version'); $HASHES hashes, -Xmx$HEAP"
started=$(date +%s.%N)
"${PSQL[@]}" -d $DB -c "insert into hash_bank (algorithm, hash, deleted, created_at, updated_at)
  select 'PDQ', md5(g::text) || md5((-g)::text), false, t, t from (select g, now() - g * interval '1 millisecond' as t from generate_series(1, $HASHES) g) r" -c "analyze hash_bank"
printf 'generated in %.0f s\n' "$(echo "$(date +%s.%N) - $started" | bc)"
KNOWN="$(echo -n 4242 | md5sum | cut -c1-32)$(echo -n -4242 | md5sum | cut -c1-32)"

match() { # prints the seconds one match takes; fails unless the known hash is found
  local out; out="$(curl -s -w ' %{time_total}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"algorithm\":\"PDQ\",\"hash\":\"$KNOWN\"}" "$BASE/api/v1/hash-matches")"
  [[ "$out" == *'"distance":0'* ]] || { echo "no match: $out" >&2; return 1; }
  echo "${out##* }"
}
index_state() { curl -s -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/actuator/health" | grep -o '"pdqIndex":"[a-z]*"' | cut -d'"' -f4; }

launched=$(date +%s.%N)
"$JAVA" -Xmx$HEAP -XX:+UseParallelGC -jar "$JAR" --server.port="$PORT" --logging.level.org.waymark=INFO > "$WORK/server-$PORT.log" 2>&1 &
SERVERS+=($!)
trap 'stop_servers' EXIT
until curl -sf "$BASE/actuator/health" >/dev/null; do sleep 0.1; done
up=$(echo "$(date +%s.%N) - $launched" | bc)
during=()
while [[ "$(index_state)" == "loading" ]]; do during+=("$(match)"); done
ready=$(echo "$(date +%s.%N) - $launched" | bc)
after=()
for _ in $(seq 1 50); do after+=("$(match)"); done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {if (NR == 0) {print "none"; exit} printf "%d matches, p50 %.1f ms, max %.1f ms", NR, a[int((NR + 1) / 2)] * 1000, a[NR] * 1000}'; }
printf 'health UP %.1f s after launch; index ready %.1f s after launch\n' "$up" "$ready"
echo "while building (table scan): $(stats "${during[@]}")"
echo "after (index):               $(stats "${after[@]}")"
grep -o 'PDQ bank: .*' "$WORK/server-$PORT.log" | head -1
