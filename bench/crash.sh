#!/usr/bin/env bash
# Kills a real Waymark server with SIGKILL under referral load, again and again, on the embedded H2 default and on
# PostgreSQL, and prints what survived: kills, referrals acknowledged (201), lost, retries that made a new referral,
# references handed out twice, and whether `audit verify` passed. It is IntakeCrashIntegrationTest, run harder.
#
#   bench/crash.sh [--kills N] [--clients N] [--load-ms MS]      (defaults 10, 8, 2500)
#   BASELINE_WRITE_DELAY=500 bench/crash.sh   # the same against H2's old default write delay, to compare
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
KILLS=10 CLIENTS=8 LOAD_MS=2500
while [[ $# -gt 0 ]]; do
  case "$1" in
    --kills) KILLS="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --load-ms) LOAD_MS="$2"; shift 2 ;;
    *) echo "crash.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for d in /usr/lib/jvm/temurin-25*/ /usr/lib/jvm/*-2[1-9]-*/; do [[ -x "${d}bin/java" ]] && JAVA_HOME="${JAVA_HOME:-${d%/}}"; done
export JAVA_HOME
cd "$ROOT"
LOG="$(mktemp)"
./mvnw -B -pl app -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=IntakeCrashIntegrationTest \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dwaymark.test.require-postgres=true \
  -Dwaymark.crash.kills="$KILLS" -Dwaymark.crash.clients="$CLIENTS" -Dwaymark.crash.load-ms="$LOAD_MS" \
  ${BASELINE_WRITE_DELAY:+-Dwaymark.crash.h2-write-delay=$BASELINE_WRITE_DELAY} > "$LOG" 2>&1 || status=$?
grep -h "crash test (" "$LOG" || { tail -50 "$LOG"; exit 1; }
echo "full log: $LOG"
exit "${status:-0}"
