# Sourced by the benchmarks that measure a running Waymark on PostgreSQL (casework.sh, people.sh): finds a
# JDK 21+, builds, and defines the scratch database, the server and the admin command.
#   Before sourcing: ROOT, DB (the scratch database), PORT; optionally KEEP_DATABASE=1 to measure it again.
#   After: JAVA, JAR, WORK (a fresh directory), PSQL, BASE, PASSWORD, admin, start_server (stopped on exit).
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

start_server() {
  "$JAVA" -Xmx2g -XX:+UseParallelGC -jar "$JAR" --server.port="$PORT" --logging.level.org.waymark=WARN > "$WORK/server.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "$BASE/actuator/health" >/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
}
