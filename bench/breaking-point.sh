#!/usr/bin/env bash
# Load to the breaking point on PostgreSQL, one node and then two, both behind the same local nginx: the realistic
# mix of bench/wrk/mix.lua (intake 25%, case reads 30% as API and page, queues 20%, screening checks 10%, panel
# meetings 5%, statistics 10%) over 20,000 cases, ramped by doubling the concurrent clients until p99 passes a second or errors pass
# 1%. First each kind of request alone, to show what each costs; then the ramps. Each step prints throughput,
# latency and the machine's CPU use (wrk, nginx and PostgreSQL included); the end prints, for each set-up, the highest
# throughput held with p99 under 200 ms.
#
#   bench/breaking-point.sh [--seconds 20] [--cases 20000] [--nodes "1 2"] [--max-clients 512] [--warm-up 120]
#
# Before each ramp the nodes behind the proxy take --warm-up seconds of the mix: a node's JIT compiler is still at
# work minutes into its load (docs/reliability.md, intake at steady state), and a second node joins cold.
#
# Needs psql, wrk and nginx (Debian's nginx-light), PostgreSQL at 127.0.0.1:5432. The scratch database
# waymark_bench_break is dropped first; nodes listen on 8099 and 8100, nginx on 8101, all on loopback.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_EACH=20
CASES=20000
NODES="1 2"
MAX_CLIENTS=512
WARM_UP=120
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --cases) CASES="$2"; shift 2 ;;
    --nodes) NODES="$2"; shift 2 ;;
    --max-clients) MAX_CLIENTS="$2"; shift 2 ;;
    --warm-up) WARM_UP="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DB=waymark_bench_break
PORT=8099
PROXY_PORT=8101
source "$ROOT/bench/server.sh"
CP="$ROOT/bench/target/classes"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
command -v wrk >/dev/null || { echo "needs wrk: sudo apt-get install wrk" >&2; exit 1; }
[[ -x "$NGINX" ]] || { echo "needs nginx: sudo apt-get install nginx-light" >&2; exit 1; }
start_server

user() { # username role organisation [area]: the user, and an API token for it printed
  admin create-user --username "$1" --role "$2" --organisation "$3" ${4:+--area "$4"} --password-stdin <<< "$PASSWORD" >/dev/null
  admin create-token --username "$1" --days 1 | tail -n 1
}
export WAYMARK_BENCH_REFERRER_TOKEN="$(user bench.referrer REFERRER LA-E09000007 E09000007)"
export WAYMARK_BENCH_GATEWAY_TOKEN="$(user bench.gateway GATEWAY_OFFICER PF-E23000001 E23000001)"
export WAYMARK_BENCH_COORDINATOR_TOKEN="$(user bench.coordinator CHANNEL_COORDINATOR LA-E09000007 E09000007)"
export WAYMARK_BENCH_ANALYST_TOKEN="$(user bench.analyst ANALYST HOME-OFFICE)"
export WAYMARK_BENCH_ORGANISATION=LA-E09000007

# About three years of a large borough's referrals, most of them long closed: half a percent each at screening,
# at Channel, in support and police-led (100 each of 20,000: more than a force holds at once).
generate_cases "$CASES" "case when n % 200 = 0 then 'SCREENING' when n % 200 = 1 then 'CHANNEL' when n % 200 = 2 then 'SUPPORT'
  when n % 200 = 3 then 'POLICE_LED' else (array['NO_FURTHER_ACTION','SIGNPOSTED','CLOSED'])[1 + n % 3] end"
# Intake comes from the rest of the country (eight authorities in eight other forces), so the queues read keep the
# size they start with, as a force's do when the national intake is spread over 43 forces.
export WAYMARK_BENCH_AUTHORITIES=E06000001,E08000025,W06000015,E08000035,E06000023,E08000003,E06000018,E08000012
"${PSQL[@]}" -d $DB -c "select id from prevent_case" > "$WORK/ids"
"${PSQL[@]}" -d $DB -c "select id from prevent_case where stage = 'SCREENING'" > "$WORK/screening"
export WAYMARK_BENCH_IDS="$WORK/ids" WAYMARK_BENCH_SCREENING_IDS="$WORK/screening"
export WAYMARK_BENCH_GATEWAY_COOKIE="$("$JAVA" -cp "$CP" org.waymark.bench.BenchHttp sign-in "$BASE" bench.gateway "$PASSWORD")"
export WAYMARK_BENCH_COORDINATOR_COOKIE="$("$JAVA" -cp "$CP" org.waymark.bench.BenchHttp sign-in "$BASE" bench.coordinator "$PASSWORD")"

proxy() { # ports...: nginx on PROXY_PORT, round robin over the nodes (sessions live in the database)
  [[ -f "$WORK/nginx.pid" ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null && sleep 1
  mkdir -p "$WORK/nginx"
  local upstreams=""
  for p in "$@"; do upstreams+="server 127.0.0.1:$p max_fails=0; "; done
  cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  upstream waymark { $upstreams keepalive 128; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://waymark;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_next_upstream error timeout;
    }
  }
}
CONF
  "$NGINX" -c "$WORK/nginx.conf" -p "$WORK/nginx"
  trap 'stop_servers; [[ -f "$WORK/nginx.pid" ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; true' EXIT
  for _ in $(seq 1 20); do curl -sf "http://127.0.0.1:$PROXY_PORT/actuator/health" >/dev/null && break; sleep 0.5; done
}

cpu() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $5 + $6}' /proc/stat; } # busy and idle jiffies

BASE="http://127.0.0.1:$PORT"
load "warm-up (not measured)" 8 20 mix.lua >/dev/null
echo "== each kind of request alone, one node, 4 clients, $(( SECONDS_EACH / 2 )) s each: what each costs"
for kind in intake case-api case-page screening-queue-page channel-queue-api coordinator-queue-page screening-check panel-meeting statistics-api; do
  WAYMARK_BENCH_ONLY="$kind" load "$kind" 4 "$(( SECONDS_EACH / 2 ))" mix.lua
done

SUMMARY=()
for nodes in $NODES; do
  ports=(8099)
  if (( nodes == 2 )); then
    start_node 8100
    ports+=(8100)
  fi
  proxy "${ports[@]}"
  BASE="http://127.0.0.1:$PROXY_PORT"
  echo "== $nodes node(s) behind nginx, $CASES cases, $SECONDS_EACH s a step, pool $WAYMARK_DB_POOL_SIZE a node; $(nproc) cores; warm-up $WARM_UP s"
  load "warm-up (not measured)" 16 "$WARM_UP" mix.lua >/dev/null
  best="none"
  clients=4
  while (( clients <= MAX_CLIENTS )); do
    read -r busy0 idle0 < <(cpu)
    line="$(load "$nodes node(s), $clients clients" "$clients" "$SECONDS_EACH" mix.lua)"
    read -r busy1 idle1 < <(cpu)
    cpu_pct=$(( 100 * (busy1 - busy0) / (busy1 - busy0 + idle1 - idle0) ))
    echo "$line, CPU ${cpu_pct}% busy"
    rate="$(rate_of "$line")"
    p99="$(sed -E 's/.*p99 ([0-9.]+) ms.*/\1/' <<< "$line")"
    requests="$(requests_of "$line")"
    errors="$(sed -E 's/.*errors ([0-9]+).*/\1/' <<< "$line")"
    if awk -v p="$p99" -v e="$errors" -v n="$requests" 'BEGIN {exit !(p < 200 && e * 100 <= n)}'; then
      best="$rate requests per second at $clients clients (p99 $p99 ms)"
    fi
    if awk -v p="$p99" -v e="$errors" -v n="$requests" 'BEGIN {exit !(p > 1000 || e * 100 > n)}'; then
      echo "broke at $clients clients: p99 $p99 ms, $errors errors of $requests"
      break
    fi
    clients=$(( clients * 2 ))
  done
  SUMMARY+=("$nodes node(s): highest throughput with p99 under 200 ms and under 1% errors: $best")
  echo "database: $("${PSQL[@]}" -d $DB -c 'select count(*) from prevent_case') cases; connections now $("${PSQL[@]}" -d $DB -c "select count(*) from pg_stat_activity where datname = '$DB'")"
done
echo "== summary"
printf '%s\n' "${SUMMARY[@]}"
