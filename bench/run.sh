#!/usr/bin/env bash
# Builds the benchmarks and runs one:
#   bench/run.sh pdq-index --hashes 1000000 [--queries 2000] [--radius 31]
#   bench/run.sh pdq-hash [--threads 2] [--seconds 20] FOLDER...
#   bench/run.sh vpdq-index --videos 100000 [--frames 60] [--queries 1000] [--brute-queries 20]
#   bench/run.sh jmh [JMH options, e.g. PdqHashJmh]
#   bench/run.sh linkage-scale --records 1000000
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
for d in /usr/lib/jvm/temurin-25*/ /usr/lib/jvm/*-2[1-9]-*/; do [[ -x "${d}bin/java" ]] && JAVA_HOME="${JAVA_HOME:-${d%/}}"; done
export JAVA_HOME
(cd "$ROOT" && ./mvnw -q -B -DskipTests -pl bench -am install) >&2
CP="$ROOT/bench/target/classes:$(cd "$ROOT" && ./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
what="${1:?pdq-index or pdq-hash}"; shift
case "$what" in
  pdq-index) exec "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-6g} ${BENCH_JAVA_OPTS:-} -cp "$CP" org.waymark.bench.PdqIndexBench "$@" ;;
  vpdq-index) exec "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-6g} ${BENCH_JAVA_OPTS:-} -cp "$CP" org.waymark.bench.VpdqIndexBench "$@" ;;
  linkage-scale) exec "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-12g} ${BENCH_JAVA_OPTS:-} -cp "$CP" org.waymark.bench.LinkageScaleBench "$@" ;;
  pdq-hash) exec "$JAVA_HOME/bin/java" -cp "$CP" org.waymark.bench.PdqHashBench "$@" ;;
  jmh) exec "$JAVA_HOME/bin/java" -cp "$CP" org.openjdk.jmh.Main "$@" ;;
  *) echo "unknown benchmark $what" >&2; exit 2 ;;
esac
