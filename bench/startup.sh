#!/usr/bin/env bash
# Measures, on a built tree: seconds from `./waymark serve` to /actuator/health UP, and the server's
# resident memory (RSS) after it has idled. Uses a throwaway data folder (first start: migrations and
# demo seeding included) unless --warm, which starts twice and reports the second start.
# Usage: bench/startup.sh [--runs N] [--warm] [--port P]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
runs=3; warm=""; port=18080
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --warm) warm=1; shift ;;
    --port) port="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -f "$ROOT/app/target/waymark.jar" ]] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 2; }

one_start() {
  local data="$1" start pid elapsed
  start=$(date +%s.%N)
  WAYMARK_DATA_DIR="$data" "$ROOT/waymark" serve --port "$port" > "$data.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    sleep 0.05
    kill -0 "$pid" 2>/dev/null || { echo "server exited; see $data.log" >&2; exit 1; }
    if (( $(date +%s) - ${start%.*} > 120 )); then echo "no UP within 120 s" >&2; kill "$pid"; exit 1; fi
  done
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  echo "$pid $elapsed"
}

for i in $(seq 1 "$runs"); do
  data="$(mktemp -d)/data"
  if [[ -n "$warm" ]]; then
    read -r pid _ < <(one_start "$data"); kill "$pid"; wait "$pid" 2>/dev/null || true
  fi
  read -r pid elapsed < <(one_start "$data")
  sleep 20
  java_pid=$(pgrep -P "$pid" java || echo "$pid")
  rss_kb=$(awk '/VmRSS/ { print $2 }' "/proc/$java_pid/status" 2>/dev/null || awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
  printf 'run %d: health UP after %.2f s; idle RSS %d MiB\n' "$i" "$elapsed" $(( rss_kb / 1024 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
