#!/usr/bin/env bash
# Fuzzes every parser the outside world reaches (Jazzer, coverage-guided), each for a set time, one after another:
#   bench/fuzz.sh [--seconds 120] [FuzzTestClass ...]
# With no class named, all of them: referral JSON, document uploads (multipart parts), captured files (type sniffing,
# image decoding and hashing), URL canonicaliser, CSV (the shared reader, hash lists, the statistics import).
# A crash is written by Jazzer into the test's inputs folder (app/src/test/resources/.../<Test>Inputs), where the
# ordinary build (./mvnw verify) runs it from then on as a regression test; the corpus grown while fuzzing stays in
# app/.cifuzz-corpus (not committed). Prints one line per target; exits non-zero if any found a crash.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_EACH=120
TARGETS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    *) TARGETS+=("$1"); shift ;;
  esac
done
for d in /usr/lib/jvm/temurin-25*/ /usr/lib/jvm/*-2[1-9]-*/; do [[ -x "${d}bin/java" ]] && JAVA_HOME="${JAVA_HOME:-${d%/}}"; done
export JAVA_HOME
cd "$ROOT"
if (( ${#TARGETS[@]} == 0 )); then
  mapfile -t TARGETS < <(find app/src/test/java -name '*FuzzTest.java' -exec basename {} .java \; | sort)
fi
./mvnw -q -B -DskipTests install >&2
WORK="$(mktemp -d)"
failed=0
for target in "${TARGETS[@]}"; do
  # Fuzzing mode runs one fuzz test a JVM; JAZZER_FUZZ switches it on, jazzer.max_duration bounds it.
  if JAZZER_FUZZ=1 ./mvnw -B -o -pl app surefire:test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="${SECONDS_EACH}s" > "$WORK/$target.log" 2>&1; then
    result="no crash"
  else
    result="CRASH (see $WORK/$target.log and the new file in its Inputs folder)"
    failed=1
  fi
  runs="$(grep -oE '#[0-9]+\s+DONE' "$WORK/$target.log" | tail -n 1 | grep -oE '[0-9]+' || true)"
  [[ -n "$runs" ]] || runs="$(grep -oE '^#[0-9]+' "$WORK/$target.log" | tail -n 1 | tr -d '#' || true)"
  printf '%s: %s s, %s executions, %s\n' "$target" "$SECONDS_EACH" "${runs:-?}" "$result"
done
exit $failed
