#!/usr/bin/env bash
# Candidate lookup for one new referral against a million stored people, on PostgreSQL, on this machine:
# GET /api/v1/cases/{id}/person-matches as the gateway officer calls it (blocking-key index scan, the referrals
# sharing a key, scoring by the shipped model, the candidates' referrals, an audit entry per candidate shown).
#
#   bench/people.sh [--people 1000000] [--requests 2000] [--reuse DIR]
#
# --reuse DIR measures again against the database an earlier run loaded, DIR being the directory that run
# printed (it holds the generated truth); the load takes about four minutes at a million.
#
# Builds the application, creates a scratch database (waymark_people_bench, dropped first), starts the server on
# port 8098 against it, loads N synthetic referrals (one person each, a fifth of people referred two or three
# times with typos, nicknames, swapped names and dates) with COPY, and measures 1 and 4 concurrent clients.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PEOPLE=1000000
REQUESTS=2000
REUSE=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --people) PEOPLE="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --reuse) REUSE="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DB=waymark_people_bench
PORT=8098
KEEP_DATABASE="$REUSE"
source "$ROOT/bench/server.sh"
(cd "$ROOT" && ./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt") >&2
CP="$ROOT/bench/target/classes:$(cat "$WORK/cp.txt")"
start_server
admin create-user --username bench.gateway --role GATEWAY_OFFICER --organisation PF-E23000001 --area E23000001 --password-stdin <<< "$PASSWORD" >/dev/null || [[ -n "$REUSE" ]]
TOKEN="$(admin create-token --username bench.gateway --days 1 | tail -n 1)"
admin create-user --username bench.admin --role ADMIN --organisation HOME-OFFICE --password-stdin <<< "$PASSWORD" >/dev/null || [[ -n "$REUSE" ]]
ADMIN_TOKEN="$(admin create-token --username bench.admin --days 1 | tail -n 1)"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; PostgreSQL $("${PSQL[@]}" -d $DB -c 'show server_version')"

if [[ -n "$REUSE" ]]; then
  WORK="$REUSE"
else
  echo "== generated files in $WORK (--reuse $WORK measures this database again)"
  T0=$(date +%s)
  "$JAVA" -Xmx4g -cp "$CP" org.waymark.bench.PeopleLookupBench load "$ROOT/app/src/main/resources/reference/person-match-model.tsv" "$PEOPLE" "$WORK"
  # vacuum as autovacuum would in service: index-only scans of the keys need the visibility map.
  "${PSQL[@]}" -d $DB <<SQL
\\copy person (id, forename, surname, date_of_birth, name_key, created_at) from '$WORK/person.csv' csv
\\copy prevent_case (id, reference, person_id, stage, local_authority, force_area, received_at, received_via, submitted_by, submitted_org, withheld, stage_changed_at, version) from '$WORK/case.csv' csv
\\copy referral (case_id, forename, surname, date_of_birth, gender, postcode, person_aware, concern, referrer_sector, language) from '$WORK/referral.csv' csv
\\copy person_linkage_record (case_id, person_id, forename, surname, date_of_birth, postcode, encoded) from '$WORK/linkage.csv' csv
\\copy person_block_key (block_key, case_id) from '$WORK/key.csv' csv
vacuum analyze;
SQL
  echo "loaded in $(( $(date +%s) - T0 )) s"
fi
echo "$("${PSQL[@]}" -d $DB -c 'select count(*) from person') people, $("${PSQL[@]}" -d $DB -c 'select count(*) from person_block_key') keys; person_block_key $("${PSQL[@]}" -d $DB -c "select pg_size_pretty(pg_total_relation_size('person_block_key'))") with its index; shared_buffers $("${PSQL[@]}" -d $DB -c 'show shared_buffers')"
for clients in 1 4; do
  "$JAVA" -cp "$CP" org.waymark.bench.PeopleLookupBench lookup "$BASE" "$TOKEN" "$WORK" "$clients" "$REQUESTS"
  # The lookup itself as the server timed it (keys, SQL, weighing, the shown candidates' details), without
  # HTTP, authentication, the case's access decision, audit entries and JSON: a decaying window of recent lookups.
  echo "  in the server, waymark.people.lookup: $(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/actuator/prometheus" \
    | grep '^waymark_people_lookup_seconds{.*quantile=' | sed -E 's/.*quantile="([0-9.]+)".*\} ([0-9.eE+-]+)$/\1 \2/' \
    | awk '{printf "p%g %.1f ms  ", $1 * 100, $2 * 1000}')"
done
