# Sourced by the benchmarks that measure a running Waymark on PostgreSQL (casework.sh, people.sh, intake-replay.sh,
# breaking-point.sh): finds a JDK 21+, builds, and defines the scratch database, the server and the admin command.
#   Before sourcing: ROOT, DB (the scratch database), PORT; optionally KEEP_DATABASE=1 to measure it again.
#   After: JAVA, JAR, WORK (a fresh directory), PSQL, BASE, PASSWORD, admin, start_server (stopped on exit),
#   pgbench_run and load (one line of figures each; SECONDS_EACH long), generate_cases.
for d in /usr/lib/jvm/temurin-25*/ /usr/lib/jvm/*-2[1-9]-*/; do [[ -x "${d}bin/java" ]] && JAVA_HOME="${JAVA_HOME:-${d%/}}"; done
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
(cd "$ROOT" && ./mvnw -q -B -DskipTests install) >&2
JAR="$ROOT/app/target/waymark.jar"
WORK="$(mktemp -d)"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
[[ -n "${KEEP_DATABASE:-}" ]] || "${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
export WAYMARK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" WAYMARK_DB_USER=postgres WAYMARK_DB_PASSWORD= WAYMARK_DATA_DIR="$WORK"
export WAYMARK_SECURE_COOKIES=false WAYMARK_DB_POOL_SIZE="${WAYMARK_DB_POOL_SIZE:-20}"
BASE="http://127.0.0.1:$PORT"
PASSWORD="Bench-$(head -c 9 /dev/urandom | od -An -tx1 | tr -d ' \n')"

admin() { "$JAVA" -XX:TieredStopAtLevel=1 -jar "$JAR" admin "$@" 2>/dev/null; }

SERVERS=()
start_node() { # port [server options...]: one more server on the scratch database, stopped on exit
  local port="$1"; shift
  "$JAVA" -Xmx2g -XX:+UseParallelGC -jar "$JAR" --server.port="$port" --logging.level.org.waymark=WARN "$@" > "$WORK/server-$port.log" 2>&1 &
  SERVERS+=($!)
  trap 'stop_servers' EXIT
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null || { tail -50 "$WORK/server-$port.log"; exit 1; }
}

start_server() { start_node "$PORT" "$@"; }

stop_servers() {
  (( ${#SERVERS[@]} )) || return 0
  kill "${SERVERS[@]}" 2>/dev/null || true
  wait "${SERVERS[@]}" 2>/dev/null || true
  SERVERS=()
}

pgbench_run() { # clients script label [pgbench options...]: one pgbench run of $WORK/script, one line of figures
  local clients="$1" script="$2" label="$3"; shift 3
  rm -f "$WORK"/pgb.*
  pgbench -h 127.0.0.1 -U postgres -n -c "$clients" -j 2 -T "$SECONDS_EACH" -f "$WORK/$script" "$@" -l --log-prefix="$WORK/pgb" $DB > "$WORK/pgbench.out" 2>&1
  local tps; tps="$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.out")"
  cat "$WORK"/pgb.* | awk '{print $3}' | sort -n > "$WORK/lat"
  local n; n="$(wc -l < "$WORK/lat")"
  local p50 p99
  p50="$(awk -v n="$n" 'NR == int(n * 0.50 + 0.5) {printf "%.1f", $1 / 1000}' "$WORK/lat")"
  p99="$(awk -v n="$n" 'NR == int(n * 0.99 + 0.5) {printf "%.1f", $1 / 1000}' "$WORK/lat")"
  printf 'pgbench %s, %s clients: %.1f transactions per second, p50 %s ms, p99 %s ms\n' "$label" "$clients" "$tps" "$p50" "$p99"
}

# Figures read back from a line that load or pgbench_run printed.
rate_of() { sed -E 's/.* ([0-9.]+) (per second|transactions per second).*/\1/' <<< "$1"; }
requests_of() { sed -E 's/.* ([0-9]+) requests,.*/\1/' <<< "$1"; }

load() { # label clients seconds script [wrk options...]: one wrk run, one line of figures
  local label="$1" clients="$2" seconds="$3" script="$4"; shift 4
  WAYMARK_BENCH_LABEL="$label" wrk -t2 -c"$clients" -d"${seconds}s" --timeout 10s -s "$ROOT/bench/wrk/$script" "$@" "$BASE" | tail -n 1
}

generate_cases() { # count stage-expression: that many cases (person, referral, milestones) made in SQL, the stage an
  # expression over n (1..count); in Camden (E09000007, the Met), received over the last two years
  "${PSQL[@]}" -d $DB >/dev/null <<SQL
create temporary table gen as select gen_random_uuid() as person, gen_random_uuid() as case_id, g as n,
  now() - (g % 700) * interval '1 day' as at from generate_series(1, $1) g;
insert into person (id, forename, surname, date_of_birth, name_key, created_at)
  select person, f, 'Generated' || n, date '2008-01-01' + (n % 3000), 'generated' || n || '|' || lower(f), at
  from (select *, (array['Alex','Sam','Jordan','Riley','Casey','Morgan','Taylor','Jamie'])[1 + n % 8] as f from gen) g;
insert into prevent_case (id, reference, person_id, stage, local_authority, force_area, received_at, received_via, submitted_by,
  submitted_org, withheld, stage_changed_at, version)
  select case_id, 'PRV-GEN-' || lpad(n::text, 8, '0'), person,
         $2,
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
}
