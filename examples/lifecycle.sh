#!/usr/bin/env bash
# Walks one referral from intake to a post-exit review through the Waymark API, checking every response.
#
#   ./waymark serve &            # in another terminal (embedded database), or with WAYMARK_DB_URL for PostgreSQL
#   examples/lifecycle.sh [BASE_URL]
#
# It creates the organisations, users and API tokens it needs with `./waymark admin` (which reaches the same
# database as the server: run it with the same WAYMARK_DB_* variables), all with fresh synthetic names, so it
# can run any number of times. It exits non-zero, saying what it expected and what came back, on any surprise.
# Needs curl and jq. WAYMARK_ADMIN overrides the admin command (default: the launcher beside this folder).
set -euo pipefail

BASE="${1:-${WAYMARK_BASE_URL:-http://localhost:8080}}"
BASE="${BASE%/}"
HERE="$(cd "$(dirname "$0")" && pwd)"
read -r -a ADMIN <<< "${WAYMARK_ADMIN:-$HERE/../waymark admin}"
for tool in curl jq; do command -v "$tool" >/dev/null || { echo "lifecycle: needs $tool" >&2; exit 2; }; done

CAMDEN=E09000007
MET=E23000001
RUN="$(date +%s)$RANDOM"
PASSWORD="Lifecycle-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
BODY=""
STEP=0

fail() { echo "lifecycle: FAILED at step $STEP: $*" >&2; [[ -n "$BODY" ]] && echo "$BODY" | head -c 2000 >&2 && echo >&2; exit 1; }
step() { STEP=$((STEP + 1)); echo "[$STEP] $*"; }

# call METHOD PATH TOKEN EXPECTED_STATUS [JSON_BODY] [HEADER...]: leaves the response body in $BODY
call() {
  local method="$1" path="$2" token="$3" expected="$4" data="${5:-}"; shift 5 || shift $#
  local args=(-sS -o /tmp/waymark-lifecycle.$$ -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token" -H 'Accept: application/json')
  [[ -n "$data" ]] && args+=(-H 'Content-Type: application/json' --data "$data")
  for h in "$@"; do args+=(-H "$h"); done
  local status
  status="$(curl "${args[@]}" "$BASE$path")" || fail "$method $path: no answer from $BASE"
  BODY="$(cat /tmp/waymark-lifecycle.$$)"; rm -f /tmp/waymark-lifecycle.$$
  [[ "$status" == "$expected" ]] || fail "$method $path answered $status, expected $expected"
}
# expect JQ_FILTER VALUE: the filter applied to $BODY must print VALUE
expect() { local got; got="$(jq -r "$1" <<< "$BODY")" || fail "response is not JSON"; [[ "$got" == "$2" ]] || fail "$1 is '$got', expected '$2'"; }

admin() { "${ADMIN[@]}" "$@" 2>&1; }
user() { # user NAME ROLE ORGANISATION [AREA] -> prints a token
  local name="lifecycle.$1.$RUN" area=()
  [[ -n "${4:-}" ]] && area=(--area "$4")
  local out
  out="$(admin create-user --username "$name" --role "$2" --organisation "$3" "${area[@]}" --name "Lifecycle $1" --password-stdin \
    <<< "$PASSWORD")" || fail "could not create user $name: $out"
  admin create-token --username "$name" --days 1 | tail -n 1
}

step "server is up at $BASE"
curl -sf "$BASE/actuator/health" | jq -e '.status == "UP"' >/dev/null || fail "no healthy server at $BASE"

step "organisations and users (./waymark admin)"
NHS="LC-NHS-$RUN"; PROVIDER="LC-MENTOR-$RUN"
OUT="$(admin create-organisation --code "$NHS" --name "Lifecycle NHS Trust $RUN" --type NHS_BODY --area "$CAMDEN")" || fail "create $NHS: $OUT"
OUT="$(admin create-organisation --code "$PROVIDER" --name "Lifecycle Mentoring $RUN" --type INTERVENTION_PROVIDER)" || fail "create $PROVIDER: $OUT"
REFERRER="$(user referrer REFERRER "LA-$CAMDEN" "$CAMDEN")"
GATEWAY="$(user gateway GATEWAY_OFFICER "PF-$MET" "$MET")"
COORDINATOR="$(user coordinator CHANNEL_COORDINATOR "LA-$CAMDEN" "$CAMDEN")"
CHAIR="$(user chair CHANNEL_CHAIR "LA-$CAMDEN" "$CAMDEN")"
PANEL="$(user panel PANEL_MEMBER "$NHS" "$CAMDEN")"
MENTOR="$(user mentor INTERVENTION_PROVIDER "$PROVIDER")"
for t in "$REFERRER" "$GATEWAY" "$COORDINATOR" "$CHAIR" "$PANEL" "$MENTOR"; do [[ "$t" == wmk_* ]] || fail "no token: $t"; done

TODAY="$(date +%F)"
BORN="$(date -d '15 years ago 40 days ago' +%F)"
REFERRAL=$(jq -n --arg born "$BORN" --arg la "$CAMDEN" --arg run "$RUN" '{
  forename: "Rowan", surname: ("Lifecycle-" + $run), dateOfBirth: $born, gender: "MALE", postcode: "NW1 2AB",
  localAuthority: $la, personAware: "NO", complexNeeds: ["NEURODIVERSITY"],
  concern: "Shared extremist videos in a class chat and said he admired an attacker.",
  referrerName: "Lifecycle Teacher", referrerOrganisation: "Lifecycle Academy", referrerSector: "EDUCATION",
  referrerEmail: "dsl@academy.example"}')
KEY="lifecycle-$RUN"

step "referrer submits a referral with an Idempotency-Key"
call POST /api/v1/referrals "$REFERRER" 201 "$REFERRAL" "Idempotency-Key: $KEY"
CASE="$(jq -r .id <<< "$BODY")"; REF="$(jq -r .reference <<< "$BODY")"
expect .status RECEIVED
[[ "$REF" =~ ^PRV-[0-9]{4}-[0-9]{6}$ ]] || fail "reference '$REF' is not PRV-yyyy-nnnnnn"

step "the same key and body again return the same referral"
call POST /api/v1/referrals "$REFERRER" 201 "$REFERRAL" "Idempotency-Key: $KEY"
expect .id "$CASE"
step "the same key with another body is refused"
call POST /api/v1/referrals "$REFERRER" 409 "$(jq '.forename = "Robin"' <<< "$REFERRAL")" "Idempotency-Key: $KEY"
step "the referrer sees that it was received, and not the case"
call GET "/api/v1/referrals/$CASE" "$REFERRER" 200
expect .status RECEIVED
call GET "/api/v1/cases/$CASE" "$REFERRER" 404

step "gateway: the case is in the screening queue"
call GET "/api/v1/cases?stage=SCREENING" "$GATEWAY" 200
jq -e --arg id "$CASE" 'any(.[]; .id == $id and .workingDaysOld >= 0)' <<< "$BODY" >/dev/null || fail "case not in the queue"
step "gateway: a system check"
call POST "/api/v1/cases/$CASE/checks" "$GATEWAY" 201 '{"system": "Police National Computer", "result": "NO_TRACE"}'
step "gateway: an information request to health, answered by the panel member's organisation"
call POST "/api/v1/cases/$CASE/information-requests" "$GATEWAY" 201 "$(jq -n --arg o "$NHS" '{organisation: $o, question: "Is he known to CAMHS?"}')"
REQUEST="$(jq -r .id <<< "$BODY")"
call POST "/api/v1/information-requests/$REQUEST/answer" "$PANEL" 200 '{"answer": "Known to CAMHS; autism diagnosis in 2024."}'
expect .answeredBy "lifecycle.panel.$RUN"
step "gateway: decision, Channel"
call POST "/api/v1/cases/$CASE/screening-decision" "$GATEWAY" 201 \
  '{"outcome": "CHANNEL", "concernType": "EXTREME_RIGHT_WING", "rationale": "Interest in attack material with vulnerabilities present."}'
call GET "/api/v1/cases/$CASE" "$COORDINATOR" 200
expect .stage CHANNEL

step "coordinator: assessment with the VAF (22 factors)"
FACTORS=$(curl -sf -H "Authorization: Bearer $COORDINATOR" "$BASE/api/v1/assessment-frameworks" \
  | jq '[.[] | select(.name == "VAF" and .version == "2012") | .factors[] | {code, rating: "NOT_KNOWN"}]
        | map(if .code == "E3" then . + {rating: "STRONG_EVIDENCE", evidence: "Isolated since moving school.", evidenceKind: "FACT"} else . end)')
[[ "$(jq length <<< "$FACTORS")" == 22 ]] || fail "the VAF should have 22 factors"
call POST "/api/v1/cases/$CASE/assessments" "$COORDINATOR" 201 \
  "$(jq -n --argjson f "$FACTORS" '{framework: "VAF", version: "2012", summary: "Vulnerable to online influence.", managementPlan: "Mentoring.", factors: $f}')"

MEETING_BODY=$(jq -n --arg d "$TODAY" --arg la "LA-$CAMDEN" --arg nhs "$NHS" \
  '{heldOn: $d, attendees: [{organisation: $la, name: "Lifecycle Chair", role: "Chair"}, {organisation: $nhs, name: "Lifecycle Nurse", role: "Health"}]}')
step "coordinator: a panel meeting, with the case on its agenda"
call POST /api/v1/panel-meetings "$COORDINATOR" 201 "$MEETING_BODY"
MEETING="$(jq -r .id <<< "$BODY")"
call POST "/api/v1/panel-meetings/$MEETING/agenda" "$COORDINATOR" 201 "{\"caseId\": \"$CASE\"}"
step "panel member (health) reads the case on their agenda, without police screening"
call GET "/api/v1/cases/$CASE" "$PANEL" 200
expect '.sections | has("screening")' false
step "chair: the panel adopts the case"
call POST "/api/v1/panel-meetings/$MEETING/decisions" "$CHAIR" 201 "{\"caseId\": \"$CASE\", \"decision\": \"ADOPT\", \"discussion\": \"Consensus to adopt.\"}"

step "coordinator: consent from a parent (he is 15)"
call POST "/api/v1/cases/$CASE/consent" "$COORDINATOR" 400 '{"outcome": "GIVEN", "givenBy": "SUBJECT", "consenter": "Rowan", "capacity": "HAS_CAPACITY"}'
call POST "/api/v1/cases/$CASE/consent" "$COORDINATOR" 201 '{"outcome": "GIVEN", "givenBy": "PARENT_OR_CARER", "consenter": "Parent Lifecycle", "capacity": "HAS_CAPACITY"}'
step "coordinator: a support plan intervention with the mentoring provider"
call POST "/api/v1/cases/$CASE/interventions" "$COORDINATOR" 201 \
  "$(jq -n --arg p "$PROVIDER" '{type: "IDEOLOGICAL_MENTORING", provider: $p, objectives: "Challenge narratives; build belonging.", plannedSessions: 6}')"
INTERVENTION="$(jq -r .id <<< "$BODY")"
step "provider: sees the intervention (not the case) and records a session"
call GET /api/v1/interventions "$MENTOR" 200
jq -e --arg id "$INTERVENTION" 'any(.[]; .id == $id)' <<< "$BODY" >/dev/null || fail "provider does not see the intervention"
call GET "/api/v1/cases/$CASE" "$MENTOR" 404
call POST "/api/v1/interventions/$INTERVENTION/sessions" "$MENTOR" 201 "{\"heldOn\": \"$TODAY\", \"status\": \"HELD\", \"notes\": \"Engaged well.\"}"

step "chair: exit at the next meeting, every member agreeing"
call POST /api/v1/panel-meetings "$COORDINATOR" 201 "$MEETING_BODY"
MEETING2="$(jq -r .id <<< "$BODY")"
call POST "/api/v1/panel-meetings/$MEETING2/agenda" "$COORDINATOR" 201 "{\"caseId\": \"$CASE\"}"
call POST "/api/v1/panel-meetings/$MEETING2/decisions" "$CHAIR" 201 \
  "$(jq -n --arg c "$CASE" --arg la "LA-$CAMDEN" --arg nhs "$NHS" '{caseId: $c, decision: "EXIT", discussion: "Vulnerability significantly reduced.",
     agreements: [{organisation: $la, agreed: true}, {organisation: $nhs, agreed: true}]}')"
call GET "/api/v1/cases/$CASE" "$COORDINATOR" 200
expect .stage EXITED
expect '.sections.channel.reviews | length' 2

# The reviews fall due 6 and 12 months after exit; this example records them today, so it says why (a review
# recorded before it is due must give a reason, which is kept with it).
EARLY='"earlyReason": "Example run: recorded on the day of exit to show the whole journey."'
step "coordinator: the 6-month post-exit review (early, with a reason)"
call POST "/api/v1/cases/$CASE/reviews" "$COORDINATOR" 400 '{"outcome": "NO_CONCERN", "notes": "Settled at college."}'
call POST "/api/v1/cases/$CASE/reviews" "$COORDINATOR" 201 "{\"outcome\": \"NO_CONCERN\", \"notes\": \"Settled at college.\", $EARLY}"
step "coordinator: the 12-month post-exit review closes the case"
call POST "/api/v1/cases/$CASE/reviews" "$COORDINATOR" 201 "{\"outcome\": \"NO_CONCERN\", \"notes\": \"No further concerns.\", $EARLY}"
call GET "/api/v1/cases/$CASE" "$COORDINATOR" 200
expect .stage CLOSED
jq -e '[.timeline[].kind] | index("REFERRAL_RECEIVED") < index("PANEL_EXIT")' <<< "$BODY" >/dev/null || fail "timeline out of order"

echo "lifecycle: OK: $REF went from referral to its last post-exit review ($STEP steps)"
